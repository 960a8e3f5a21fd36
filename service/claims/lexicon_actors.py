"""People and organisations: leaders, diplomats, armed groups, institutions, media.

Aliases in Arabic, English, French and Russian (syntax: ``lexicons.py``). The
list is of actors that recur in news about Syria and its neighbours; anyone
else is found by the name patterns in ``entities.py``.
"""

from __future__ import annotations

from service.claims.lexicons import Term

_H, _O = "person", "org"

PEOPLE = (
    Term("putin", _H, "بوتين|فلاديمير بوتين|Putin|Vladimir Putin|Poutine|Vladimir Poutine|Путин|Владимир Путин"),
    Term("lavrov", _H, "لافروف|سيرغي لافروف|سيرجي لافروف|سيرغيي لافروف|Lavrov|Sergei Lavrov|Sergey Lavrov"
         "|Sergueï Lavrov|Лавров|Сергей Лавров"),
    Term("shoigu", _H, "شويغو|شويجو|سيرغي شويغو|سيرجي شويجو|Shoigu|Sergei Shoigu|Sergey Shoygu|Choïgou"
         "|Sergueï Choïgou|Шойгу|Сергей Шойгу"),
    Term("erdogan", _H, "أردوغان|رجب طيب أردوغان|إردوغان|Erdogan|Erdoğan|Recep Tayyip Erdogan|Erdoğan"
         "|Эрдоган|Реджеп Тайип Эрдоган"),
    Term("assad", _H, "الأسد|بشار الأسد|بشار الاسد|Assad|al-Assad|Bashar al-Assad|Bachar al-Assad|el-Assad"
         "|Bashar Assad|Асад|Башар Асад|Башар аль-Асад"),
    Term("kerry", _H, "كيري|جون كيري|جون كيرى|Kerry|John Kerry|Керри|Джон Керри"),
    Term("de_mistura", _H, "دي ميستورا|ستيفان دي ميستورا|ستافان دي ميستورا|de Mistura|Staffan de Mistura"
         "|де Мистура|Стаффан де Мистура"),
    Term("zarif", _H, "ظريف|محمد جواد ظريف|Zarif|Javad Zarif|Mohammad Javad Zarif|Zarif|Зариф|Джавад Зариф"),
    Term("cavusoglu", _H, "جاويش أوغلو|جاووش أوغلو|جاوش أوغلو|تشاووش أوغلو|مولود جاويش أوغلو"
         "|مولود جاووش أوغلو|مولود جاوش أوغلو|Cavusoglu|Çavuşoğlu|Mevlut Cavusoglu|Mevlüt Çavuşoğlu"
         "|Tchavousoglou|Чавушоглу|Мевлют Чавушоглу"),
    Term("obama", _H, "أوباما|باراك أوباما|Obama|Barack Obama|Обама|Барак Обама"),
    Term("trump", _H, "ترامب|دونالد ترامب|Trump|Donald Trump|Трамп|Дональд Трамп"),
    Term("tillerson", _H, "تيلرسون|ريكس تيلرسون|Tillerson|Rex Tillerson|Тиллерсон"),
    Term("rouhani", _H, "روحاني|حسن روحاني|Rouhani|Hassan Rouhani|Rohani|Роухани|Хасан Роухани"),
    Term("khamenei", _H, "خامنئي|علي خامنئي|Khamenei|Ali Khamenei|Хаменеи"),
    Term("nasrallah", _H, "نصر الله|حسن نصر الله|Nasrallah|Hassan Nasrallah|Насралла"),
    Term("baghdadi", _H, "البغدادي|أبو بكر البغدادي|Baghdadi|al-Baghdadi|Abu Bakr al-Baghdadi|Багдади"),
    Term("jolani", _H, "الجولاني|أبو محمد الجولاني|Jolani|al-Jolani|Julani|al-Julani|Джулани"),
    Term("nazarbayev", _H, "نزارباييف|نور سلطان نزارباييف|Nazarbayev|Nursultan Nazarbayev|Nazarbaïev"
         "|Назарбаев|Нурсултан Назарбаев"),
    Term("peskov", _H, "بيسكوف|ديمتري بيسكوف|Peskov|Dmitry Peskov|Песков|Дмитрий Песков"),
    Term("zakharova", _H, "زاخاروفا|ماريا زاخاروفا|Zakharova|Maria Zakharova|Захарова|Мария Захарова"),
    Term("bogdanov", _H, "بوغدانوف|بوجدانوف|ميخائيل بوغدانوف|ميخائيل بوجدانوف|Bogdanov|Mikhail Bogdanov"
         "|Богданов|Михаил Богданов"),
    Term("lavrentiev", _H, "لافرنتييف|ألكسندر لافرنتييف|Lavrentiev|Alexander Lavrentiev|Лаврентьев"
         "|Александр Лаврентьев"),
    Term("jaafari", _H, "الجعفري|بشار الجعفري|Jaafari|al-Jaafari|Bashar al-Jaafari|Джаафари|Башар Джаафари"),
    Term("muallem", _H, "المعلم|وليد المعلم|Muallem|Walid Muallem|Walid al-Moualem|Moualem|Муаллем|Валид Муаллем"),
    Term("alloush", _H, "محمد علوش|علوش|Mohammed Alloush|Mohammad Alloush|Mohamed Alloush|Alloush|Allouche"
         "|Мохаммед Аллуш|Аллуш"),
    Term("hijab", _H, "رياض حجاب|Riyad Hijab|Riad Hijab|Риад Хиджаб"),
    Term("ayrault", _H, "أيرولت|إيرولت|جان مارك أيرولت|جان مارك إيرولت|Ayrault|Jean-Marc Ayrault|Эро|Жан-Марк Эро"),
    Term("hollande", _H, "هولاند|فرانسوا هولاند|Hollande|François Hollande|Олланд|Франсуа Олланд"),
    Term("guterres", _H, "غوتيريش|أنطونيو غوتيريش|Guterres|António Guterres|Antonio Guterres|Гутерриш"),
    Term("ban_ki_moon", _H, "بان كي مون|Ban Ki-moon|Пан Ги Мун"),
)

ORGS = (
    Term("un", _O, "الأمم المتحدة|الأممي|الأممية|الأمم المتحدة|United Nations|=UN|=U.N.|Nations unies|=ONU"
         "|Организация Объединенных Наций|=ООН"),
    Term("security_council", _O, "مجلس الأمن|مجلس الأمن الدولي|Security Council|UN Security Council"
         "|Conseil de sécurité|Совет Безопасности|Совбез|СБ ООН"),
    Term("free_syrian_army", _O, "الجيش السوري الحر|الجيش الحر|Free Syrian Army|=FSA|Armée syrienne libre"
         "|=ASL|Свободная сирийская армия|=ССА"),
    Term("syrian_national_coalition", _O, "الائتلاف|الائتلاف الوطني|الائتلاف الوطني السوري|الائتلاف السوري"
         "|الائتلاف السوري المعارض|الائتلاف الوطني لقوى الثورة والمعارضة السورية|Syrian National Coalition|Syrian coalition"
         "|National Coalition|Syrian opposition coalition|Coalition nationale syrienne|Coalition nationale"
         "|Национальная коалиция|Национальная коалиция сирийских революционных и оппозиционных сил"),
    Term("high_negotiations_committee", _O, "الهيئة العليا للمفاوضات|هيئة المفاوضات|High Negotiations Committee"
         "|=HNC|Haut comité des négociations|Haut Comité pour les négociations|Высший комитет по переговорам"),
    Term("jaish_al_islam", _O, "جيش الإسلام|Jaish al-Islam|Jaysh al-Islam|Army of Islam|Armée de l'islam"
         "|Джейш аль-Ислам|Джейш-аль-Ислам"),
    Term("ahrar_al_sham", _O, "أحرار الشام|حركة أحرار الشام|Ahrar al-Sham|Ahrar ash-Sham|Ahrar al-Cham"
         "|Ахрар аш-Шам"),
    Term("nour_al_din_al_zenki", _O, "نور الدين الزنكي|نور الدين زنكي|حركة نور الدين الزنكي|Nour al-Din al-Zenki"
         "|Nour al-Din al-Zinki|Nur al-Din al-Zenki|Nureddin al-Zenki|Noureddine al-Zenki|Нур ад-Дин аз-Зенки"),
    Term("fateh_al_sham", _O, "جبهة فتح الشام|فتح الشام|جبهة النصرة|النصرة|Jabhat Fateh al-Sham|Jabhat Fatah al-Sham"
         "|Fateh al-Sham|Fatah al-Sham|Jabhat al-Nusra|Nusra Front|al-Nusra Front|al-Nusra|Front al-Nosra"
         "|Fatah al-Cham|Front Fatah al-Cham|Джебхат ан-Нусра|ан-Нусра|Джебхат Фатх аш-Шам"),
    Term("faylaq_al_sham", _O, "فيلق الشام|Faylaq al-Sham|Sham Legion|Failaq al-Sham|Файлак аш-Шам"),
    Term("isis", _O, "داعش|تنظيم الدولة|تنظيم الدولة الإسلامية|الدولة الإسلامية|Islamic State|=ISIS|=ISIL|=IS"
         "|Daesh|Daech|État islamique|Etat islamique|=EI|=ИГ|=ИГИЛ|Исламское государство|=ДАИШ"),
    Term("al_qaeda", _O, "تنظيم القاعدة|al-Qaeda|al-Qaida|Al-Qaïda|Аль-Каида"),
    Term("hezbollah", _O, "حزب الله|Hezbollah|Hizbollah|Hizbullah|Hezbollah|Хезболла|Хизбалла"),
    Term("kurdish_ypg", _O, "وحدات حماية الشعب|=YPG|People's Protection Units|Unités de protection du peuple"
         "|Отряды народной самообороны"),
    Term("kurdish_pyd", _O, "حزب الاتحاد الديمقراطي|=PYD|Democratic Union Party|=ПДС"),
    Term("sdf", _O, "قوات سوريا الديمقراطية|قسد|=SDF|Syrian Democratic Forces|Forces démocratiques syriennes"
         "|=FDS|Сирийские демократические силы"),
    Term("syrian_army", _O, "الجيش السوري|الجيش العربي السوري|قوات النظام|قوات الحكومة|القوات الحكومية"
         "|القوات السورية|Syrian army|Syrian Arab Army|government forces|regime forces|pro-government forces"
         "|armée syrienne|forces gouvernementales|forces du régime|сирийская армия|правительственные войска"
         "|сирийские войска"),
    Term("syrian_government", _O, "الحكومة السورية|النظام السوري|نظام الأسد|نظام بشار الأسد|الحكومة في دمشق"
         "|Syrian government|Assad government|Syrian regime|Assad regime|gouvernement syrien|régime syrien"
         "|régime de Bachar al-Assad|сирийское правительство|правительство Сирии"),
    Term("syrian_opposition", _O, "المعارضة|المعارضة السورية|المعارضة المسلحة|فصائل المعارضة|المعارضة المعتدلة"
         "|Syrian opposition|opposition|rebels|rebel groups|armed opposition|opposition syrienne|rebelles"
         "|сирийская оппозиция|оппозиция|вооруженная оппозиция"),
    Term("defence_ministry", _O, "وزارة الدفاع|Defence Ministry|Defense Ministry|Ministry of Defence"
         "|Ministry of Defense|Defence Department|Department of Defense|ministère de la Défense"
         "|ministère des Armées|Министерство обороны|Минобороны|=МО РФ"),
    Term("foreign_ministry", _O, "وزارة الخارجية|الخارجية الروسية|الخارجية التركية|الخارجية الإيرانية"
         "|الخارجية السورية|الخارجية الفرنسية|الخارجية الأمريكية|الخارجية الأميركية|Foreign Ministry"
         "|Ministry of Foreign Affairs|Foreign Office|State Department|ministère des Affaires étrangères"
         "|Quai d'Orsay|Département d'État|Министерство иностранных дел|=МИД|Госдеп*"),
    Term("interior_ministry", _O, "وزارة الداخلية|Interior Ministry|Ministry of the Interior|Home Office"
         "|ministère de l'Intérieur|Министерство внутренних дел|=МВД"),
    Term("general_staff", _O, "هيئة الأركان|هيئة الأركان العامة|الأركان العامة|General Staff|état-major"
         "|Генштаб|Генеральный штаб"),
    Term("pentagon", _O, "البنتاغون|البنتاجون|Pentagon|Pentagone|Пентагон"),
    Term("kremlin", _O, "الكرملين|Kremlin|Кремль"),
    Term("white_house", _O, "البيت الأبيض|White House|Maison Blanche|Белый дом|Белого дома|Белом доме"),
    Term("nato", _O, "حلف شمال الأطلسي|حلف الناتو|الناتو|=NATO|=OTAN|=НАТО"),
    Term("european_union", _O, "الاتحاد الأوروبي|European Union|=EU|Union européenne|=UE|Евросоюз"
         "|Европейский союз|=ЕС"),
    Term("arab_league", _O, "جامعة الدول العربية|الجامعة العربية|Arab League|Ligue arabe|Лига арабских государств"),
    Term("sohr", _O, "المرصد السوري لحقوق الإنسان|المرصد السوري|Syrian Observatory for Human Rights|=SOHR"
         "|Observatoire syrien des droits de l'homme|=OSDH|Сирийская обсерватория по правам человека"),
    Term("reuters", _O, "رويترز|Reuters|Рейтер|Рейтерс"),
    Term("afp", _O, "وكالة الصحافة الفرنسية|فرانس برس|وكالة فرانس برس|=AFP|Agence France-Presse|Франс Пресс"),
    Term("interfax", _O, "انترفاكس|إنترفاكس|Interfax|Интерфакс"),
    Term("sputnik", _O, "سبوتنيك|Sputnik|Спутник"),
    Term("ria_novosti", _O, "نوفوستي|ريا نوفوستي|RIA Novosti|РИА Новости"),
    Term("tass", _O, "وكالة تاس|=TASS|=ТАСС"),
    Term("anadolu", _O, "الأناضول|وكالة الأناضول|Anadolu|Anadolu Agency|Анадолу"),
    Term("sana", _O, "وكالة سانا|=SANA|=САНА"),
    Term("associated_press", _O, "أسوشيتد برس|Associated Press|=AP"),
)

# Economic and Gulf bodies that Saudi news names daily: a claim about the World Bank's
# forecast must find «البنك الدولي» in the report as the same body, not a missing one.
INSTITUTIONS = (
    Term("world_bank", _O, "البنك الدولي|World Bank|Banque mondiale|Всемирн* банк*"),
    Term("imf", _O, "صندوق النقد الدولي|صندوق النقد|International Monetary Fund|=IMF|Fonds monétaire international"
         "|=FMI|Международн* валютн* фонд*|=МВФ"),
    Term("opec", _O, "أوبك|منظمة الدول المصدرة للنفط|=OPEC|=OPEP|=ОПЕК"),
    Term("islamic_development_bank", _O, "البنك الإسلامي للتنمية|Islamic Development Bank|=IsDB|=IDB"
         "|Banque islamique de développement|Исламск* банк* развития"),
    Term("gcc", _O, "مجلس التعاون الخليجي|مجلس التعاون لدول الخليج العربية|مجلس التعاون|Gulf Cooperation Council"
         "|=GCC|Conseil de coopération du Golfe|=CCG|Совет* сотрудничества арабских государств Персидского залива"
         "|=ССАГПЗ"),
    Term("who", _O, "منظمة الصحة العالمية|World Health Organization|World Health Organisation|=WHO"
         "|Organisation mondiale de la santé|=OMS|Всемирн* организаци* здравоохранения|=ВОЗ"),
    Term("aramco", _O, "أرامكو|أرامكو السعودية|Aramco|Saudi Aramco|Арамко|Saudi Aramco"),
    Term("congress", _O, "الكونغرس|الكونجرس|Congress|Congrès|Конгресс*"),
)

# Names that point at the same body: "the Pentagon" is the US defence ministry.
SAME_AS = {"pentagon": "defence_ministry"}

ACTORS = PEOPLE + ORGS + INSTITUTIONS
