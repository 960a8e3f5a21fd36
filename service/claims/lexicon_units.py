"""More counted nouns, for figures written in English, French or Russian about Arabic reports.

``number_words`` keys a figure by the noun it counts so that "52,000
fighters" meets "62 ألف مقاتل". A claim about a bank, a market or a
ministry counts other things: countries, jobs, points, strikes, beds.
Without a class, a figure's unit is the word itself ("وظيفه", "jobs"), and
two languages never meet. Each class lists the English and French forms,
the Russian case forms a number governs (1, 2-4, 5+: "41 авиаудар", "31
авиаудар", "57 стран") and the Arabic stem (``+`` adds the common endings).

Left out on purpose: أسرة (families or beds, by vowels alone).
"""

from __future__ import annotations

MORE_COUNTED = {
    "expert": "expert experts spécialiste spécialistes cancérologue cancérologues oncologue oncologues "
              "oncologist oncologists specialist specialists эксперт эксперта экспертов онколог онколога "
              "онкологов специалист специалиста специалистов خبير+ خبراء",
    "country": "country countries pays nation nations state states état états страна страны стран "
               "государство государства государств دولة دول بلد+ بلدان",
    "job": "job jobs emploi emplois poste postes рабочих мест место места вакансий وظيفة وظائف",
    "company": "company companies firm firms société sociétés entreprise entreprises компания компании "
               "компаний شركة شركات",
    "point": "point points пункт пункта пунктов نقطة نقاط",
    "strike": "strike strikes airstrike airstrikes raid raids frappe frappes удар удара ударов авиаудар "
              "авиаудара авиаударов авиаудары ضربة ضربات غارة غارات",
    "bed": "bed beds lit lits койка койки коек سرير+",
    "facility": "facility facilities établissement établissements объект объекта объектов منشأة منشآت",
    "dollar": "dollar dollars доллар доллара долларов دولار+ دولارات",
    "euro": "euro euros евро يورو",
    "pound": "pound pounds livre livres фунт фунта фунтов جنيه+",
    "cent": "cent cents цент цента центов سنت+ سنتات",
    "riyal": "riyal riyals rial rials риял рияла риялов ريال+ ريالات",
    "barrel": "barrel barrels baril barils баррель барреля баррелей برميل+",
    "ton": "ton tons tonne tonnes тонна тонны тонн طن+ أطنان",
    "detainee": "prisoner prisoners detainee detainees prisonnier prisonniers détenu détenus заключенный "
                "заключенных задержанных موقوف+ سجين+ معتقل+",
    "student": "student students élève élèves étudiant étudiants étudiante étudiantes студент студента "
               "студентов ученик ученика учеников طالب+ طلاب طالبة طالبات",
    "visitor": "visitor visitors visiteur visiteurs посетитель посетителя посетителей زائر+ زوار",
    "second": "second seconds seconde secondes секунда секунды секунд ثانية ثوان",
    # people Saudi news counts daily: staff hired, pilgrims served, patients treated
    "teacher": "teacher teachers enseignant enseignants professeur professeurs учитель учителя учителей "
               "преподавателей معلم+ معلمة معلمات مدرس+",
    "pilgrim": "pilgrim pilgrims pèlerin pèlerins паломник паломника паломников حاج+ حجاج معتمر+",
    "worker": "worker workers employee employees ouvrier ouvriers employé employés salarié salariés "
              "travailleur travailleurs работник работника работников сотрудник сотрудника сотрудников "
              "عامل+ عمال موظف+",
    "patient": "patient patients пациент пациента пациентов больных مريض+ مرضى",
    "school": "school schools école écoles школа школы школ مدرسة مدارس",
    "hospital": "hospital hospitals hôpital hôpitaux больница больницы больниц مستشفى مستشفيات",
    "vehicle": "vehicle vehicles car cars véhicule véhicules voiture voitures автомобиль автомобиля "
               "автомобилей машина машины машин سيارة سيارات مركبة مركبات",
    "project": "project projects projet projets проект проекта проектов مشروع+ مشاريع مشروعات",
    "violation": "violation violations infraction infractions нарушение нарушения нарушений مخالفة مخالفات",
}

# Signs written before a figure for the currency it counts: "$57 a barrel" is 57 dollars.
CURRENCY_SIGNS = {"$": "dollar", "€": "euro", "£": "pound"}

# Words before a bare number that say it is an age in years: "aged 25", "âgé de 22".
AGE_WORDS = frozenset("aged age âgé âgée âgés age".split())
