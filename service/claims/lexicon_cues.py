"""Cue words: negation, hedging, reporting verbs, attribution, and the stop
words that end a name or a speaker phrase (syntax: ``lexicons.py``).
"""

from __future__ import annotations

from service.claims.lexicons import Term, folded_words

# Only the word that carries the negation is listed. Russian and French use
# negative concord (никто не, ne ... jamais): никто/ничего and "ne" are left
# out so that one negation counts once.
NEGATIONS = (
    # Not غير: it makes privative adjectives inside noun phrases ("غير العادية",
    # "غير نظامية": extraordinary, irregular), and negates no clause.
    Term("not", "negation", "لم|لن|لا|ليس|ليست|ليسوا|لست|لسنا|ليسا", form="particle"),
    Term("not", "negation", "عدم", form="noun"),
    Term("deny", "negation", "نفى-|نفت|نفوا|ينفون|نفيه|ينف|تنف|ينفوا"),  # ينف: jussive, after لم
    Term("not", "negation", "not|never|no|none|nobody|nothing|neither|nor|cannot|no one|don't|doesn't|didn't"
         "|won't|wouldn't|can't|couldn't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|shouldn't"
         "|mustn't|dont|doesnt|didnt|wont|cant|isnt|wasnt|werent"),
    Term("deny", "negation", "deny|denies|denied|denying|denial|rejected claims"),
    Term("refuse", "negation", "refused to|refuses to|refuse to|refusing to|declined to|declines to"
         "|decline to|failed to|fails to|fail to"),
    Term("not", "negation", "pas|jamais|aucun|aucune|rien|guère|nullement|non"),
    Term("deny", "negation", "nier|nie|nient|nié|niait|démenti|démentent|dément|démentir"),
    Term("refuse", "negation", "refusé de|refuse de|refusent de|refuser de|a refusé de"),
    Term("not", "negation", "не|нет|нельзя"),
    Term("deny", "negation", "отрица*|опроверг*|опровер*"),
    Term("refuse", "negation", "отказал*|отказыва*|отказа*"),
)

# Fixed expressions that contain a negation word but negate nothing
# ("still", "especially", "not only", "no doubt", "unconfirmed").
NEGATION_EXCEPTIONS = (
    Term("still", "exception", "لا يزال|لا تزال|لا يزالون|ما زال|مازال|ما زالت|ما يزال|ما تزال|لا زال|لا زالت"
         "|لم يزل|لم تزل|لا سيما|لاسيما|غير أن|غير ان|لا شك|لاشك|لا ريب|لا بد|لابد|ليس فقط|غير مؤكد|غير مؤكدة"
         "|لم يتسن|لم يتسن التأكد|ليست المرة الأولى|ليست المرة الاولى|ليس للمرة الأولى|لم تكن المرة الأولى"
         "|بعدما"                             # "after": ب + عدم + ا reads as the cue عدم
         "|لا يقل|لا تقل|لا يقلون|لا يقلن|لم يبق سوى|لم يتبق سوى|لم يبق إلا|لم يتبق إلا"),  # "at least", "only ... remains"
    Term("still", "exception", "not only|no doubt|not least|no less than|no fewer than|not less than"
         "|not fewer than|not the first time|non seulement|pas seulement|sans doute|pas moins de|non confirmé|non confirmée"
         "|не только|не менее|не раз|не впервые|нет сомнений|не исключено|не подтвержден*"),
)

HEDGES = (
    Term("uncertain", "hedge", "ربما|يعتقد|يبدو|على ما يبدو|من المحتمل|محتمل|محتملة|المحتمل|يحتمل|احتمال"
         "|يرجح|من المرجح|يفترض|أنباء عن|تقارير غير مؤكدة|غير مؤكد|غير مؤكدة|لم يتسن التأكد|يزعم|مزعوم"
         "|مزعومة|يشتبه|قيل إن|يقال إن"),
    Term("uncertain", "hedge", "reportedly|allegedly|apparently|possibly|probably|likely|perhaps|maybe|=may"
         "|=might|=could|unconfirmed|it is believed|is believed to|are believed to|is said to|are said to"
         "|is thought to|are thought to|reports say|it appears|appears to|purportedly|supposedly"),
    Term("uncertain", "hedge", "aurait|auraient|serait|seraient|peut-être|probablement|vraisemblablement"
         "|apparemment|présumé|présumée|présumés|supposé|supposée|prétendu|prétendue|il semble|semble-t-il"
         "|non confirmé|non confirmée|de source non confirmée"),
    Term("uncertain", "hedge", "якобы|предположительно|возможно|вероятно|по некоторым данным|по сообщениям"
         "|как сообщается|по неподтвержденным данным|видимо|по-видимому|не исключено|может быть"),
    Term("attribution", "hedge", "بحسب|حسب|حسبما|وفقا|نقلا عن|على حد قول|according to|selon|d'après"
         "|по данным|по словам|по сообщению|согласно"),
)

SPEECH_VERBS = (
    Term("say", "speech", "قال-|قالت|قالوا|يقول|تقول|يقولون|قوله|قولها|اكد-|يؤكد|تؤكد|نؤكد|علن-|وضح-|شار-"
         "|شير-|صرح-|كشف-|نقل-|ضاف-|ضيف-|تابع-|ذكر-|شدد-|لفت-|اعتبر-|رأى|يرى|ترى|رأت|نفى-|نفت|فاد-|فيد-"
         "|زعم-|حذر-|توقع-|أبلغ-|جدد-|ختم-|طالب-|دعا|تدعو|يدعو|دعت|مؤكدا|مؤكدة|موضحا|مشيرا|لافتا|مضيفا"
         "|قائلا|مشددا"),
    Term("say", "speech", "said|says|say|told|tells|announced|stated|added|confirmed|denied|claimed|warned"
         "|noted|insisted|stressed|explained|declared|asserted|reported|wrote|argued|acknowledged|admitted"
         "|affirmed|announces|states|adds|confirms|denies|claims|warns|insists|reports"),
    Term("say", "speech", "déclaré|affirmé|indiqué|annoncé|ajouté|souligné|estimé|assuré|expliqué|précisé"
         "|confirmé|démenti|nié|déclare|affirme|indique|annonce|estime|souligne|assure|explique|précise"
         "|dit|rapporte|rapporté"),
    Term("say", "speech", "заявил*|сообщил*|сказал*|отметил*|подчеркнул*|добавил*|уточнил*|пояснил*"
         "|заявля*|сообща*|говорит|говорится|указал*|признал*|подтвердил*|опроверг*"),
)

# Words that cannot be part of an Arabic name or speaker phrase (folded forms
# are compared, so hamza and ta marbuta spellings do not matter).
ARABIC_STOPWORDS = folded_words(
    """في فى على علي الى إلى من عن مع أن إن ان أنه انه إنه أنها انها إنها أنهم بأن بان بأنه التي التى الذي
    الذى الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء كما قد لقد لم لن لا ما إذا اذا او أو ثم حيث حول بعد قبل
    خلال منذ حتى عند لدى بين ضد دون غير كل بعض أي اي وقال قال قالت وأضاف أضاف وأكد أكد أكدت أعلن وأعلن
    أوضح وأوضح قوله قولها بينما فيما كذلك أيضا أيضاً ايضا اليوم أمس امس غدا غداً الخميس الجمعة السبت الأحد
    الاثنين الإثنين الثلاثاء الأربعاء يوم صباح مساء ليلة ليل الماضي المقبل الحالي سابقا حاليا الآن لكن
    ولكن لكنه إلا الا وهو وهي هو هي هم نحن أنا انا عبر ضمن نحو لدى ذات تم يتم سوف كان كانت يكون تكون
    فيه فيها فيهم عليه عليها عليهم منه منها منهم إليه إليها له لها لهم به بها بهم عنه عنها معه معها"""
)

# Capitalised words that are not names: sentence openers, months, weekdays.
CAPITALISED_STOPWORDS = frozenset(
    """the a an in on at for from by with but and or if as after before during while when this that these
    those it its he she they we i you his her their our according however meanwhile also yet so then there
    mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    le la les un une des du de au aux en dans pour par avec mais et ou si après avant pendant lorsque quand
    ce cette ces il elle ils elles nous selon lundi mardi mercredi jeudi vendredi samedi dimanche janvier
    février mars avril mai juin juillet août septembre octobre novembre décembre
    в во на по с со к ко о об от из за для при после до но и или а если когда это этот эта эти он она они
    мы я согласно однако также понедельник вторник среда четверг пятница суббота воскресенье январь
    февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь января февраля марта апреля
    мая июня июля августа сентября октября ноября декабря""".split()
)

# Capitalised words that make an unknown name an organisation, not a person.
ORG_WORDS = frozenset(
    """army front committee council ministry coalition movement party agency organisation organization
    observatory brigade brigades forces union group institute bank company corps legion news times post
    press department office commission authority government association federation league alliance
    armée comité conseil ministère mouvement parti agence brigade organisation observatoire union groupe
    армия фронт комитет совет министерство движение партия агентство силы союз группа организация""".split()
)

# Arabic words that head the name of an armed group or body («جيش العزة»).
ARABIC_ORG_HEADS = folded_words(
    """جيش حركة جبهة لواء فيلق تجمع هيئة كتائب كتيبة فرقة جماعة تنظيم ائتلاف مجلس حزب اتحاد منظمة معهد مركز
    وزارة شركة جامعة مكتب دائرة إدارة مديرية لجنة"""
)
# Words before a quoted name that say the name is an organisation or outlet.
ARABIC_ORG_CUES = ARABIC_ORG_HEADS | folded_words("فصيل وكالة صحيفة قناة موقع مجموعة")
