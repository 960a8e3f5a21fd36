"""Antonym groups across Arabic, English, French and Russian (syntax: ``lexicons.py``).

Each group has two poles; one report saying one pole and another report the
other pole about the same event is a candidate disagreement ("reduce" vs
"increase", "include" vs "exclude"). Arabic entries are stems (``شارك-`` is a
verb with its prefixes and endings) and nouns that take pronoun suffixes.
Ambiguous words are left out on purpose: المعارضة is "the opposition" far more
often than "opposing", اتفاق is "an agreement" (a noun in every truce story),
مثل is "like", and وقف is "ceasefire" more often than "stop".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pole:
    group: str  # e.g. "attendance"
    kind: str  # direction, scope, stance, participation, agreement, signing, state, military, outcome, assertion
    pole: str  # e.g. "attend"
    aliases: str
    form: str = "noun"


ANTONYM_POLES = (
    Pole("quantity", "direction", "reduce", "خفض-|تخفيض|قلص-|تقليص|قلل-|تقليل|انخفاض|نخفض-|reduc*|cut|cuts"
         "|cutting|decreas*|lower|lowered|lowering|scale back|scaled back|scaling back|downsiz*|drawdown"
         "|draw down|slash*|shrink*|rédui*|diminu*|baiss*|сократ*|сокращ*|уменьш*|сниж*|сниз*"
         # markets and forecasts: a price falls, a forecast is cut, jobs are struck off
         "|هبط-|هبوط|منخفض|متراجع|تراجع-|شطب-|fell|fall|falls|falling|dropped|drop|drops|declin*|slid"
         "|slump*|plung*|tumbl*|down|abaiss*|recul*|chut*|perdu|perd|supprim*|понизи*|понижа*|подешев*"
         "|упал|упала|упали|упало|падение|падением|паден*"),
    Pole("quantity", "direction", "increase", "زاد|زادت|يزيد|تزيد|سيزيد|ستزيد|زيادة|زيادات|رفع-|ارتفاع|رتفع-"
         "|ضاعف-|مضاعفة|توسيع|وسع-|increas*|rais*|boost*|expand*|expansion|step up|stepped up|steps up"
         "|ramp up|ramped up|bolster*|augment*|hausse|accroi*|renforc*|увелич*|нарасти*|наращив*|расшир*"
         "|قفز-|صعد-|مرتفع|rose|rise|rises|rising|climb*|jump*|gained|gain|gains|surg*|up|higher|creat*|hire|hired"
         "|hires|hiring|relev*|gagn*|progress*|grimp*|bondi*|créer|créera|crée|повыси*|повыша*|подорож*"
         "|вырос|выросла|выросли|выросло|вырастет|рост|роста|ростом|создать|создаст|создаст"),
    Pole("inclusion", "scope", "include", "شمل-|شمول|+ضم|ضمت|تضمن-|بما في ذلك|includ*|cover|covers|covered"
         "|covering|encompass*|inclu*|compren*|englob*|включ*"),
    Pole("inclusion", "scope", "exclude", "ستثني-|استثناء|ستبعد-|استبعاد|ما عدا|exclud*|exclusion|except"
         "|excepting|exempt*|leave out|left out|leaves out|omit*|exclu*|sauf|à l'exception|исключ*|кроме"),
    Pole("support", "stance", "support", "دعم-|داعم|داعما|داعمة|تأييد|أيد-|يؤيد|تؤيد|أؤيد|نؤيد|مؤيد|رحب-"
         "|ترحيب|support*|backs|backed|backing|endors*|welcom*|favour*|favor*|soutien*|soutenu"
         "|soutenir|appui*|approuv*|поддерж*|одобр*|приветств*"
         # granting a request is the other pole of refusing it («رفضت الوزارة طلب الشركة»)
         "|وافق-|موافقة|accept|accepts|accepted|accepting|approv*|accepté|acceptée|accepte|accepter"
         "|acceptent|удовлетвори*|приня* просьб*"),
    Pole("support", "stance", "oppose", "رفض-|رافض|رافضة|+عارض|عارض|عارضت|أدان-|إدانة|ندد-|تنديد"
         "|ستنكر-|استنكار|oppose|opposes|opposed|opposing|opposent|reject*|refus*|condemn*|denounc*|rejet*|rejett*|condamn*|dénonc*"
         "|отверг*|отклон*|осуд*|осужд*|против"),
    Pole("attendance", "participation", "attend", "حضر-|حضور|شارك-|مشاركة|attend*|participat*|take part"
         "|took part|taking part|takes part|join|joins|joined|joining|particip*|prendre part"
         "|pris part|prendra part|участв*|участи*|присутств*"),
    Pole("attendance", "participation", "boycott", "قاطع-|مقاطعة|نسحب-|انسحاب|غاب-|غيب-|غياب|تغيب"
         "|boycott*|withdr*|pull out|pulled out|pulls out|skip|skipped|skips|stay away|stayed away"
         "|absent*|absence|snub*|se retirer|se retire|s'est retiré|absen*|бойкот*|покину*|покида*|вышл*|выйд*|выход*"),
    Pole("signature", "signing", "sign", "وقع-|توقيع|الموقعة|الموقعين|sign|signs|signed|signing|signe"
         "|signé|signée|signés|signer|signent|signature|signataire*|подпис*"),
    Pole("signature", "signing", "refuse_sign", "رفض- التوقيع|رفض- توقيع|متنع- عن التوقيع|refus* to sign"
         "|declin* to sign|refus* de signer|отказал* подписать|отказ* от подписания"),
    Pole("accord", "agreement", "agree", "اتفق-|توافق-|agree|agrees|agreed|agreeing|convenu|convenu*"
         "|tombés d'accord|согласил*|договорил*"),
    Pole("accord", "agreement", "disagree", "ختلف-|خلاف|خلافات|disagree*|at odds|désaccord|divergen*"
         "|разноглас*|не согласил*"),
    Pole("truce_state", "state", "holding", "صامد|صامدة|صمد-|سريان|يسري|تسري|متماسك"
         "|largely held|has held|is holding|in effect|in force|into force|into effect|حيز التنفيذ|entrera en vigueur"
         "|entré en vigueur|вступ* в силу|respecté|respectée|tient|en vigueur|соблюда*|действует|в силе"),
    Pole("truce_state", "state", "collapse", "انهيار|انهار|ينهار|تنهار|collaps*|broke down|broken down"
         "|breaks down|breakdown|fell apart|falls apart|effondr*|rupture|vol* en éclats|сорва*|рухну*"
         "|развали*|провал*"),
    Pole("front", "military", "advance", "تقدم-|سيطر-|استعاد-|advanc*|captur*|seiz*|took control|gained ground"
         "|recaptur*|avanc*|progress*|pris le contrôle|продвига*|продвину*|наступ*|взял* под контроль"),
    Pole("front", "military", "retreat", "نسحب-|انسحاب|انسحابات|تراجع-|retreat*|withdr*|pull back|pulled back"
         "|lost ground|recul*|repli*|retrait|отступ*|отход*|отошл*"),
    Pole("result", "outcome", "win", "فاز-|فوز|نتصر-|انتصار|win|wins|won|winning|victor*|triumph*|gagn*"
         "|victoire|remport*|побед*|выигр*"),
    Pole("result", "outcome", "lose", "خسر-|خسارة|هزيمة|فقدت|فقدوا|يفقد|تفقد|فقدان|lose|loses|lost|losing|perd*"
         "|défaite|проигр*|поражени*|потерял*|потерпел*"),
    Pole("truth", "assertion", "confirm", "اكد-|يؤكد|تؤكد|مؤكدا|confirm*|affirm*|acknowledg*|подтверд*"
         "|подтвержда*"),
    Pole("truth", "assertion", "deny", "نفى-|نفت|نفوا|ينفون|deni*|deny|dément*|démenti*|nier|nie|nié"
         "|опроверг*|отрица*"),
)
