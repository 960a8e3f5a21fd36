"""Countries and cities that Middle East, Russia and Turkey news keeps naming.

Aliases in Arabic, English, French and Russian (syntax: ``lexicons.py``).
Country entries carry their adjective (الروسية, Russian, russe, российский):
"the Russian ministry" names an actor as surely as "Russia" does. Capitals
are separate keys: "Moscow said" is metonymy a caller may or may not want.
"""

from __future__ import annotations

from service.claims.lexicons import Term

_P = "place"

COUNTRIES = (
    Term("russia", _P, "روسيا|روس~|الروس|Russia|Russian|Russians|Russian Federation|Russie|russe|russes"
         "|Россия|российск*|русск*|=РФ"),
    Term("turkey", _P, "تركيا|ترك~|الأتراك|Turkey|Turkish|Turks|Türkiye|Turquie|turc|turque|turcs|turques"
         "|Турция|турецк*"),
    Term("iran", _P, "إيران|إيران~|Iran|Iranian|Iranians|iranien|iranienne|iraniens|iraniennes|Иран|иранск*"),
    Term("united_states", _P, "الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا"
         "|أميركا|أمريك~|أميرك~|الأمريكان|United States|United States of America|=US|=USA|=U.S.|American"
         "|Americans|États-Unis|Etats-Unis|américain|américaine|américains|américaines|=США"
         "|Соединенные Штаты|американск*|Америка"),
    Term("syria", _P, "سور~|Syria|Syrian|Syrians|Syrie|syrien|syrienne|syriens|syriennes|Сирия|сирийск*"),
    Term("kazakhstan", _P, "كازاخستان|قازاخستان|قازاقستان|كازاخ~|Kazakhstan|Kazakh|Kazakhstani|kazakh"
         "|kazakhe|Казахстан|казахстанск*|казахск*"),
    Term("iraq", _P, "العراق|عراق~|Iraq|Iraqi|Iraqis|Irak|irakien*|Ирак|иракск*"),
    Term("lebanon", _P, "لبنان|لبنان~|Lebanon|Lebanese|Liban|libanais*|Ливан|ливанск*"),
    Term("jordan", _P, "الأردن|المملكة الأردنية|أردن~|Jordan|Jordanian|Jordanie|jordanien*|Иордания|иорданск*"),
    Term("saudi_arabia", _P, "السعودية|المملكة العربية السعودية|المملكة|سعود~|Saudi Arabia|Saudi|Saudis"
         "|Arabie saoudite|saoudien*|Саудовская Аравия|Саудовской Аравии|Саудовскую Аравию|Саудовской Аравией|саудовск*"),
    Term("qatar", _P, "قطر|قطر~|Qatar|Qatari|qatari*|Катар|катарск*"),
    Term("israel", _P, "إسرائيل|إسرائيل~|Israel|Israeli|Israelis|Israël|israélien*|Израиль|израильск*"),
    Term("france", _P, "فرنسا|فرنس~|France|French|français|française|françaises|Франция|французск*"),
    Term("united_kingdom", _P, "بريطانيا|المملكة المتحدة|بريطان~|Britain|British|United Kingdom|=UK"
         "|Royaume-Uni|britannique*|Великобритания|британск*"),
    Term("germany", _P, "ألمانيا|ألمان~|Germany|German|Allemagne|allemand*|Германия|германск*|немецк*"),
    Term("egypt", _P, "مصر|مصر~|Egypt|Egyptian|Égypte|Egypte|égyptien*|Египет|египетск*"),
    Term("uae", _P, "الإمارات|الإمارات العربية المتحدة|إمارات~|United Arab Emirates|=UAE|Emirati"
         "|Émirats arabes unis|=ОАЭ|Объединенные Арабские Эмираты"),
    Term("china", _P, "الصين|صين~|China|Chinese|Chine|chinois*|Китай|китайск*"),
    Term("tajikistan", _P, "طاجيكستان|طاجيك~|Tajikistan|Tadjikistan|Таджикистан|таджикск*"),
    # Further afield: the countries a Saudi paper's world pages name most
    Term("yemen", _P, "اليمن|يمن~|Yemen|Yemeni|Yémen|yéménite*|Йемен|йеменск*"),
    Term("afghanistan", _P, "أفغانستان|افغانستان|أفغان~|Afghanistan|Afghan|afghan*|Афганистан|афганск*"),
    Term("pakistan", _P, "باكستان|باكستان~|Pakistan|Pakistani|pakistanais*|Пакистан|пакистанск*"),
    Term("kenya", _P, "كينيا|كيني~|Kenya|Kenyan|kényan*|Кения|Кению|кенийск*"),
    Term("nigeria", _P, "نيجيريا|نيجيري~|Nigeria|Nigerian|Nigéria|nigérian*|Нигерия|нигерийск*"),
    Term("ghana", _P, "غانا|Ghana|Ghanaian|ghanéen*|Гана|ганск*"),
    Term("tanzania", _P, "تنزانيا|Tanzania|Tanzanian|Tanzanie|Танзания|Танзанию|танзанийск*"),
    Term("ethiopia", _P, "إثيوبيا|أثيوبيا|اثيوبيا|Ethiopia|Ethiopian|Éthiopie|éthiopien*|Эфиопия|эфиопск*"),
    Term("mexico", _P, "المكسيك|مكسيك~|Mexico|Mexican|Mexique|mexicain*|Мексика|Мексике|мексиканск*"),
    Term("indonesia", _P, "إندونيسيا|اندونيسيا|إندونيسي~|اندونيسي~|Indonesia|Indonesian|Indonésie|indonésien*"
         "|Индонезия|индонезийск*"),
    Term("libya", _P, "ليبيا|ليبي~|Libya|Libyan|Libye|libyen*|Ливия|ливийск*"),
    Term("kuwait", _P, "الكويت|كويت~|Kuwait|Kuwaiti|Koweït|koweïtien*|Кувейт|кувейтск*"),
    Term("bahrain", _P, "البحرين|بحرين~|Bahrain|Bahraini|Bahreïn|Бахрейн|бахрейнск*"),
    Term("austria", _P, "النمسا|نمساو~|Austria|Austrian|Autriche|autrichien*|Австрия|Австрию|австрийск*"),
    Term("spain", _P, "إسبانيا|اسبانيا|إسبان~|Spain|Spanish|Espagne|espagnol*|Испания|испанск*"),
    Term("italy", _P, "إيطاليا|ايطاليا|إيطال~|Italy|Italian|Italie|italien*|Италия|итальянск*"),
)

CITIES = (
    Term("astana", _P, "أستانة|أستانا|إستانا|آستانة|استانه|أستانه|Astana|Астана|Nur-Sultan|Nour-Soultan"
         "|Нур-Султан|نور سلطان|نور-سلطان"),
    Term("ankara", _P, "أنقرة|Ankara|Анкара"),
    Term("moscow", _P, "موسكو|Moscow|Moscou|Москва"),
    Term("damascus", _P, "دمشق|Damascus|Damas|Дамаск"),
    Term("aleppo", _P, "حلب|Aleppo|Alep|Halab|Алеппо|Халеб"),
    Term("idlib", _P, "إدلب|Idlib|Idleb|Идлиб"),
    Term("homs", _P, "حمص|Homs|Хомс"),
    Term("hama", _P, "حماة|حماه|Hama|Hamah|Хама"),
    Term("raqqa", _P, "الرقة|Raqqa|Raqqah|Rakka|Ракка"),
    Term("deir_ez_zor", _P, "دير الزور|Deir ez-Zor|Deir ez-Zour|Deir el-Zour|Deir al-Zor|Deir Ezzor|Дейр-эз-Зор"),
    Term("daraa", _P, "درعا|Daraa|Deraa|Dara'a|Deraa|Дераа|Даръа"),
    Term("latakia", _P, "اللاذقية|Latakia|Lattaquié|Латакия"),
    Term("palmyra", _P, "تدمر|Palmyra|Palmyre|Tadmur|Пальмира"),
    Term("ghouta", _P, "الغوطة|Ghouta|Ghoutha|Гута|Восточная Гута"),
    Term("wadi_barada", _P, "وادي بردى|Wadi Barada|Вади-Барада"),
    Term("manbij", _P, "منبج|Manbij|Manbej|Манбидж"),
    Term("hmeimim", _P, "حميميم|Hmeimim|Khmeimim|Hmeimim|Хмеймим"),
    Term("geneva", _P, "جنيف|Geneva|Genève|Geneve|Genf|Женева"),
    Term("tehran", _P, "طهران|Tehran|Teheran|Téhéran|Тегеран"),
    Term("washington", _P, "واشنطن|Washington|Вашингтон"),
    Term("paris", _P, "باريس|Paris|Париж"),
    Term("beirut", _P, "بيروت|Beirut|Beyrouth|Бейрут"),
    Term("baghdad", _P, "بغداد|Baghdad|Bagdad|Багдад"),
    Term("riyadh", _P, "الرياض|Riyadh|Riyad|Ryad|Эр-Рияд"),
    Term("istanbul", _P, "إسطنبول|اسطنبول|Istanbul|Стамбул"),
    Term("sochi", _P, "سوتشي|Sochi|Sotchi|Сочи"),
    Term("vienna", _P, "فيينا|Vienna|Vienne|Вена"),
    Term("doha", _P, "الدوحة|Doha|Доха"),
    Term("mosul", _P, "الموصل|Mosul|Mossoul|Мосул"),
    # Saudi regions and cities: most SaudiNewsNet stories are local
    Term("tabuk", _P, "تبوك|Tabuk|Tabouk|Табук"),
    Term("jazan", _P, "جازان|جيزان|Jazan|Jizan|Gizan|Джизан|Джазан"),
    Term("asir", _P, "عسير|Asir|Aseer|Assir|Асир"),
    Term("makkah", _P, "مكة المكرمة|مكة|Makkah|Mecca|La Mecque|Мекка|Мекки|Мекке"),
    Term("madinah", _P, "المدينة المنورة|Madinah|Medina|Médine|Медина|Медины"),
    Term("jeddah", _P, "جدة|Jeddah|Jiddah|Djeddah|Джидда|Джидде"),
    Term("dammam", _P, "الدمام|Dammam|Даммам"),
    Term("qassim", _P, "القصيم|Qassim|Qasim|Касым"),
    Term("najran", _P, "نجران|Najran|Наджран"),
    Term("hail", _P, "حائل|Hail|Ha'il|Хаиль"),
    Term("eastern_province", _P, "المنطقة الشرقية|Eastern Province|province orientale|Восточная провинция"),
    Term("taif", _P, "الطائف|Taif|Taëf|Таиф"),
    Term("aden", _P, "عدن|Aden|Аден"),
    Term("sanaa", _P, "صنعاء|Sanaa|Sana'a|Сана"),
    Term("dubai", _P, "دبي|Dubai|Dubaï|Дубай"),
    Term("cairo", _P, "القاهرة|Cairo|Le Caire|Каир"),
    Term("london", _P, "لندن|London|Londres|Лондон"),
    Term("kabul", _P, "كابل|Kabul|Kaboul|Кабул"),
    Term("suruc", _P, "سوروج|سروج|Suruc|Suruç|Суруч"),
    Term("dushanbe", _P, "دوشنبه|Dushanbe|Douchanbé|Душанбе"),
)

PLACES = COUNTRIES + CITIES
COUNTRY_KEYS = frozenset(term.key for term in COUNTRIES)
