"""Roles and titles ("represents the defence ministry", "وزير الخارجية") and the
first names that mark the start of an Arabic person's name.

Arabic has no capital letters, so an unknown name is found next to a title
("الرائد X") or from a common first name ("أحمد رمضان"); Latin and Cyrillic
names are found by capitalisation in ``entities.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.claims.lexicons import Term, folded_words


@dataclass(frozen=True)
class RoleCue:
    """Wording that gives someone a role, and how to find who holds it.

    ``place`` is "title" when the holder stands right next to the wording
    (الرئيس بوتين, "Ahmed Ramadan, head of ..."), "verb" when the holder is
    the subject before it ("X will represent ...") and "group" for plurals
    (ممثلي المعارضة) that no single name holds. ``org`` is set when the
    wording itself names the body (وزير الدفاع -> defence_ministry).
    """

    key: str
    role: str
    aliases: str
    org: str | None = None
    place: str = "title"
    form: str = "name"


# A person holds one of these for one body at a time, so two reports naming
# different bodies for the same holder disagree. Heads and members may sit in
# several bodies at once (a delegation and a political office).
EXCLUSIVE_ROLES = frozenset({"represent", "minister", "spokesperson", "president", "envoy", "ambassador"})

# French puts the nationality between the title and the ministry ("le ministre
# russe de la Défense"); without these forms the country would be read as the body.
_FRENCH_NATIONAL = "".join(f"|ministre {nationality} {{body}}" for nationality in (
    "russe", "turc", "syrien", "iranien", "américain", "français", "saoudien", "qatari", "jordanien",
    "israélien", "britannique", "allemand", "chinois", "égyptien", "irakien", "libanais"))

ROLE_CUES = (
    RoleCue("represent", "represent", "+مثل|ممثل|ممثلا|ممثله|represent|represents|represented|representing"
            "|representative|on behalf of|représente|représentera|représentent|représenter|représenté"
            "|représentant|представит|представят|представлял*|представляет|представлять|представитель"
            "|представителем|представителя", place="verb"),
    RoleCue("representatives", "represent", "ممثلي|ممثلو|ممثلين|representatives|représentants|представители"
            "|представителей", place="group"),
    RoleCue("deputy_head_operations", "deputy_head_operations", "نائب رئيس إدارة العمليات العامة"
            "|نائب رئيس الإدارة العامة للعمليات|نائب رئيس هيئة العمليات|deputy head of the Main Operations Directorate"
            "|deputy chief of the Main Operations Directorate|deputy head of the main operational directorate"
            "|chef adjoint de la direction principale des opérations"
            "|заместитель начальника Главного оперативного управления", org="general_staff"),
    RoleCue("head_delegation", "head", "رئيس الوفد|رئيس وفد|رئاسة الوفد|head of the delegation|delegation head"
            "|head of the opposition delegation|chef de la délégation|глава делегации|главой делегации",
            org="delegation"),
    RoleCue("lead_delegation", "head", "head the delegation|heads the delegation|headed the delegation"
            "|lead the delegation|leads the delegation|led the delegation|dirigera la délégation"
            "|dirige la délégation|conduira la délégation|conduit la délégation|возглавит делегацию"
            "|возглавляет делегацию|возглавил делегацию", org="delegation", place="verb"),
    RoleCue("spokesperson", "spokesperson", "المتحدث باسم|الناطق باسم|المتحدث الرسمي باسم|الناطق الرسمي باسم"
            "|المتحدثة باسم|الناطقة باسم|spokes*|porte-parole|официальн* представител*|пресс-секретар*"),
    RoleCue("foreign_minister", "minister", "وزير الخارجية|وزيرة الخارجية|Foreign Minister|foreign secretary"
            "|Minister of Foreign Affairs|Secretary of State|ministre des Affaires étrangères|chef de la diplomatie"
            "|министр иностранных дел|глава МИД" + _FRENCH_NATIONAL.format(body="des Affaires étrangères"),
            org="foreign_ministry"),
    RoleCue("defence_minister", "minister", "وزير الدفاع|وزيرة الدفاع|Defence Minister|Defense Minister"
            "|Defense Secretary|Minister of Defence|Minister of Defense|ministre de la Défense|ministre des Armées"
            "|министр обороны|глава Минобороны" + _FRENCH_NATIONAL.format(body="de la Défense"),
            org="defence_ministry"),
    RoleCue("minister", "minister", "وزير|وزيرة|minister|ministre|министр|министра|министром"),
    RoleCue("prime_minister", "prime_minister", "رئيس الوزراء|رئيس الحكومة|Prime Minister|Premier ministre"
            "|премьер-министр*"),
    RoleCue("un_envoy", "envoy", "المبعوث الأممي|المبعوث الدولي|المبعوث الخاص للأمم المتحدة|مبعوث الأمم المتحدة"
            "|UN envoy|U.N. envoy|UN special envoy|envoyé spécial de l'ONU|émissaire de l'ONU|спецпосланник ООН"
            "|специальный посланник ООН", org="un"),
    RoleCue("envoy", "envoy", "المبعوث|مبعوث|envoy|envoyé|émissaire|посланник*|спецпосланник*"),
    RoleCue("president", "president", "الرئيس|رئيس الجمهورية|President|président|президент*"),
    RoleCue("deputy_head", "deputy_head", "نائب رئيس|نائب الرئيس|deputy head|deputy chief|vice-president"
            "|vice president|vice-président|заместител*|замглав*"),
    RoleCue("head", "head", "رئيس|رئيسة|head of|chief of|chef de|chef du|chef des|глава|главы|главой"
            "|руководител*|начальник*"),
    RoleCue("head_verb", "head", "+راس|تراس-|heads|headed|dirige|dirigé|dirigeait|возглав*", place="verb"),
    RoleCue("secretary_general", "secretary_general", "الأمين العام|Secretary-General|secretary general"
            "|secrétaire général|генсек*|генеральный секретарь"),
    RoleCue("member", "member", "عضو|أعضاء|member of|members of|membre de|membre du|membres de|член*"),
    RoleCue("commander", "commander", "قائد|commander|commandant|командир*|командующ*"),
    RoleCue("ambassador", "ambassador", "سفير|السفير|ambassador|ambassadeur|посол|посла|послом|послу"),
    RoleCue("director", "director", "مدير|director|directeur|директор*"),
    # A Saudi region's emir is its governor: «أمير منطقة مكة المكرمة» is "the governor of the Makkah region".
    RoleCue("governor", "governor", "أمير منطقة|محافظ|governor|gouverneur|губернатор*"),
    RoleCue("coach", "coach", "مدرب|المدير الفني|coach|head coach|manager|entraîneur|sélectionneur|тренер*"
            "|главный тренер"),
)

# Ranks and honorifics: they announce a name but give no role in a body.
TITLES = (
    Term("rank", "title", "الرائد|العقيد|العميد|اللواء|المقدم|النقيب|الملازم|الجنرال|المشير|General|Gen."
         "|Colonel|Col.|Major|Maj.|Lieutenant|Lt.|Captain|Capt.|Général|генерал|полковник|майор"
         "|генерал-майор|генерал-лейтенант|генерал-полковник"),
    Term("honorific", "title", "الشيخ|الدكتور|الأمير|الملك|السيد|السيدة|الأستاذ|Sheikh|=Dr.|=Dr|=Mr.|=Mr|=Mrs."
         "|=Mrs|=Ms.|=Ms|=King|=Prince|=Emir|=M.|=Mme|господин|г-н|шейх"),
)

# Common first names in Arabic script, Arab and foreign: an Arabic name has no
# capital letter, but it very often starts with one of these. (علي is left out:
# folded, it is the preposition على.)
FIRST_NAMES = folded_words(
    """محمد أحمد محمود مصطفى حسن حسين خالد عمر عثمان إبراهيم إسماعيل يوسف سعيد سعد سامي سمير فيصل
    فهد فؤاد نبيل نزار هشام وليد رياض زهران جميل قدري بسام بشار رامي رضوان ماهر حافظ أسعد أنس أيمن باسل
    جمال جواد حاتم حازم حمزة حيدر زياد سالم سليم سليمان صالح صلاح طارق عادل عامر عصام علاء عماد عمار غسان
    فادي فارس فراس كمال لؤي مازن مالك مأمون منذر منير مهند ناصر هادي هيثم وائل ياسر يحيى أكرم أنور توفيق
    جهاد حسام رائد رشيد زكريا شادي طلال عدنان عمرو فاروق فايز قاسم مجد مروان معاذ ممدوح نادر ناجي نجيب
    نضال هاني جبران جورج إيلي ميشال فاطمة عائشة مريم هبة ريم سارة لينا رنا نادية سهير بثينة رجب حسني
    ستيفان ستافان سيرغي سيرجي سيرغيي فلاديمير ميخائيل ديمتري دميتري ألكسندر أليكسندر نيكولاي إيغور يوري
    أندريه ستانيسلاف فاليري فيكتور ماريا جون جان جيمس دونالد باراك ريكس ميشيل مايكل ديفيد بيتر فرانسوا
    إيمانويل أنجيلا مولود أنطونيو بوريس أنطون أليكسي ألكسي فاسيلي غينادي ليونيد أوليغ سيرغيه"""
)

# Words that belong to the next word of a name (عبد الحكيم, أبو محمد).
NAME_JOINERS = folded_words("عبد أبو أبي ابو ابي ابن بن أم ام")

# Lower-case words inside Latin-script names (Staffan de Mistura, Bashar al-Assad).
LATIN_NAME_PARTICLES = frozenset("de du da di van von der al el bin ibn abu ben d ad ash as"
                                 " аль эль ар ас ад ат аш бин ибн абу бен".split())

# Words that may stand between a title and its holder besides names and ال-adjectives
# (المتحدث باسم البنتاجون X, "head of the media department of the coalition, X").
TITLE_GAP_WORDS = folded_words("في فى باسم of the de du des la le d for pour")
