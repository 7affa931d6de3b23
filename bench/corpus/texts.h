// Word lists and text templates for the synthetic case records: obviously fictional names,
// municipalities, intervention types from the national vocabulary, goals per BBIC sub-area
// and the free text of commissions, plans and follow-ups. `{n}` in a template is replaced by
// the individual's first name.
#pragma once

namespace aktkoll::bench::texts {

inline constexpr const char* kGirls[] = {"Wilma", "Elsa",  "Alice", "Maja",  "Ella",  "Selma",
                                         "Ebba",  "Olivia", "Alma", "Saga",  "Astrid", "Nora",
                                         "Vera",  "Stella", "Freja", "Leah", "Amira", "Hanna"};
inline constexpr const char* kBoys[] = {"Noah",   "William", "Hugo", "Liam", "Lucas", "Oliver",
                                        "Elias",  "Adam",    "Vincent", "Leo", "Nils", "Malte",
                                        "Ali",    "Omar",    "Isak", "Theo", "Melvin", "Sixten"};
inline constexpr const char* kWomen[] = {"Anna",  "Emma",   "Sara",  "Maria", "Johanna",
                                         "Petra", "Linda",  "Fatima", "Sofia", "Karin",
                                         "Jenny", "Helena", "Amina", "Lena"};
inline constexpr const char* kMen[] = {"Johan",  "David",   "Mikael", "Anders", "Erik",
                                       "Peter",  "Ahmed",   "Daniel", "Fredrik", "Jonas",
                                       "Stefan", "Mohammed", "Karl",  "Patrik"};
// Surnames nobody has: they say what they are.
inline constexpr const char* kSurnames[] = {
    "Exempelsson", "Exempelberg", "Testsson",  "Testman",     "Provsson",   "Provberg",
    "Låtsasson",   "Låtsasdotter", "Påhittadsson", "Fiktivsson", "Övningsson", "Prövaqvist",
    "Exempelström", "Testlund",   "Provholm",  "Låtsaslund"};
inline constexpr const char* kStreets[] = {"Exempelgatan", "Påhittade vägen", "Fiktiva torget",
                                           "Provstigen",   "Testvägen",       "Låtsasgränd",
                                           "Övningsallén"};

struct Municipality {
  const char* name;
  const char* code;
  const char* prefix;  // case id prefix
  const char* city;
  const char* postal;  // first three digits of the postal code
  const char* unit_children;
  const char* unit_adults;
  const char* provider;
};

inline constexpr Municipality kMunicipalities[] = {
    {"Region Gotland", "0980", "GOT", "Visby", "621", "Barn och familj, Visby",
     "Vuxenenheten, Visby", "Familjebehandlingen, Region Gotland"},
    {"Kalix kommun", "2514", "KAL", "Kalix", "952", "Individ- och familjeomsorgen, barn och unga",
     "Öppenvården, vuxna", "Öppenvården Kalix"},
    {"Stockholms stad", "0180", "STH", "Skärholmen", "127",
     "Skärholmens stadsdelsförvaltning, barn och unga", "Skärholmens stadsdelsförvaltning, vuxna",
     "Familjebehandlarna Skärholmen"},
    {"Göteborgs Stad", "1480", "GBG", "Göteborg", "415", "Socialförvaltningen Nordost, barn och unga",
     "Socialförvaltningen Nordost, vuxna", "Öppenvården Nordost"},
    {"Malmö stad", "1280", "MLM", "Malmö", "214", "Funktionsstöd och IFO, barn och familj",
     "Funktionsstöd och IFO, vuxna", "Familjeenheten Malmö"},
    {"Umeå kommun", "2480", "UME", "Umeå", "903", "Individ- och familjeomsorgen, barn och unga",
     "Beroendeenheten", "Öppenvården Umeå"},
    {"Uppsala kommun", "0380", "UPS", "Uppsala", "753", "Socialförvaltningen, barn och unga",
     "Socialförvaltningen, vuxna", "Öppenvården Uppsala"},
};

struct InterventionType {
  const char* code;
  const char* name;
  int min_age, max_age;
  bool families;        // target group 'families' rather than children/youth/adults
  bool social_secretary;  // the plan is written by the social secretary (GP-13)
  int weight;
  const char* scope;
};

inline constexpr InterventionType kChildTypes[] = {
    {"familjebehandling", "Familjebehandling i hemmet", 0, 17, true, false, 30,
     "Ett hembesök och ett samtal med {n} per vecka."},
    {"familjesamtal", "Familjesamtal", 4, 17, true, false, 8,
     "Familjesamtal varannan vecka på mottagningen."},
    {"stodsamtal", "Stödsamtal", 7, 17, false, false, 10, "Ett enskilt samtal med {n} per vecka."},
    {"foraldrastod", "Föräldrastöd i grupp", 0, 12, true, false, 10,
     "Tio gruppträffar för föräldrarna och två enskilda samtal."},
    {"strukturerad_oppenvard", "Strukturerad öppenvård för unga", 13, 17, false, false, 8,
     "Två träffar per vecka i grupp och ett enskilt samtal."},
    {"kontaktperson", "Kontaktperson", 8, 17, false, true, 14,
     "Träffar med kontaktpersonen fyra timmar varannan vecka."},
    {"kontaktfamilj", "Kontaktfamilj", 2, 12, false, true, 10,
     "En helg i månaden hos kontaktfamiljen, fredag till söndag."},
    {"sarskilt_kvalificerad_kontaktperson", "Särskilt kvalificerad kontaktperson", 13, 17, false,
     true, 4, "Tre träffar per vecka med den särskilt kvalificerade kontaktpersonen."},
};

inline constexpr InterventionType kAdultTypes[] = {
    {"oppenvard_missbruk", "Öppenvård vid missbruk", 18, 99, false, false, 60,
     "Gruppbehandling två gånger per vecka och enskilda samtal varannan vecka."},
    {"kontaktperson", "Kontaktperson", 18, 99, false, true, 40,
     "Träffar med kontaktpersonen två timmar per vecka."},
};

// Codes that are not in the national vocabulary (DATA-3 findings).
inline constexpr const char* kUnknownCodes[] = {"familjebehandlng", "hemterapi", "stodsamtal_barn",
                                                "kontakt_person", "familjestod", "mst_light"};

struct GoalTemplate {
  const char* area;
  const char* subarea;
  const char* text;
  const char* plan;  // how the plan puts it
};

inline constexpr GoalTemplate kChildGoals[] = {
    {"barnets_utveckling", "utbildning", "{n} går till skolan varje dag och känner sig trygg där.",
     "närvaro i skolan varje dag"},
    {"barnets_utveckling", "utbildning", "{n} klarar skolarbetet och får stöd av elevhälsan.",
     "fungerande skolgång"},
    {"barnets_utveckling", "kansla_och_beteende", "{n} kan hantera ilska utan att slå andra barn.",
     "färre utbrott och inga slagsmål"},
    {"barnets_utveckling", "kansla_och_beteende", "{n} sover bättre och har färre utbrott hemma.",
     "lugnare kvällar hemma"},
    {"barnets_utveckling", "halsa", "{n} går på inbokade besök hos BUP och tar sin medicin.",
     "regelbundna besök hos BUP"},
    {"barnets_utveckling", "familj_och_sociala_relationer",
     "{n} har minst en kamrat att träffa på fritiden.", "kamrater på fritiden"},
    {"barnets_utveckling", "socialt_upptradande", "{n} deltar i en fritidsaktivitet varje vecka.",
     "en fritidsaktivitet i veckan"},
    {"barnets_utveckling", "formaga_att_klara_sig_sjalv",
     "{n} tar sig själv till och från skolan.", "egen resa till skolan"},
    {"foraldrarnas_formaga", "vagledning_och_gransattning",
     "Föräldrarna sätter tydliga och förutsägbara gränser hemma.", "tydliga gränser hemma"},
    {"foraldrarnas_formaga", "stabilitet",
     "Föräldrarna kommer överens om hämtning och lämning utan att {n} blir inblandad i konflikter.",
     "samarbete kring hämtning och lämning"},
    {"foraldrarnas_formaga", "grundlaggande_omsorg",
     "{n} har regelbundna måltider och fasta tider för sömn.", "fasta rutiner för mat och sömn"},
    {"foraldrarnas_formaga", "kanslomassig_tillganglighet",
     "Föräldrarna märker när {n} är ledsen och pratar med {n} om det.",
     "föräldrarnas lyhördhet"},
    {"foraldrarnas_formaga", "sakerhet", "{n} bor i ett hem utan våld och hot.", "ett hem utan våld"},
    {"familj_och_miljo", "slakt_och_natverk",
     "Familjen har ett nätverk som kan avlasta föräldrarna varannan helg.", "avlastning från nätverket"},
    {"familj_och_miljo", "boende", "Familjen har ett stabilt boende med eget kontrakt.",
     "stabilt boende"},
    {"familj_och_miljo", "social_integrering", "Familjen deltar i aktiviteter i närområdet.",
     "aktiviteter i närområdet"},
};

inline constexpr const char* kAdultGoals[] = {
    "{n} är drogfri och lämnar negativa prov varje vecka.",
    "{n} har en fungerande dygnsrytm och kommer till sina tider.",
    "{n} har en meningsfull sysselsättning minst tre dagar i veckan.",
    "{n} har kontakt med sina barn varannan helg.",
    "{n} sköter sin ekonomi och betalar hyran i tid.",
    "{n} har minst en drogfri vän att träffa på fritiden.",
};

inline constexpr const char* kNeeds[] = {
    "{n} har under det senaste halvåret haft hög frånvaro från skolan och oroar sig för "
    "konflikterna hemma.",
    "Föräldrarna beskriver att de inte orkar sätta gränser och att {n} har utbrott flera gånger "
    "i veckan.",
    "{n} är ensam på fritiden och har svårt att hitta kamrater efter flytten till kommunen.",
    "Familjen har varit med om stora förändringar under året och behöver stöd i vardagen.",
    "{n} har hamnat i bråk i skolan och föräldrarna behöver hjälp att samarbeta med skolan.",
};

inline constexpr const char* kAdultNeeds[] = {
    "{n} har ett långvarigt missbruk av alkohol och vill nu ha hjälp att bli nykter.",
    "{n} är isolerad och har behov av stöd för att bryta ensamheten och komma ut i sysselsättning.",
    "{n} har återfallit i missbruk efter en period av nykterhet och behöver strukturerat stöd.",
};

inline constexpr const char* kMethods[] = {
    "Uppföljningsmöte på socialkontoret", "Uppföljningsmöte i familjens hem",
    "Uppföljningsmöte på mottagningen", "Uppföljningssamtal via videolänk"};
inline constexpr const char* kStandardised[] = {"SDQ", "ASI", "AUDIT", "DUDIT", "YP-CORE"};
inline constexpr const char* kRatings[] = {
    "positiv_forandring_mal_uppfyllt", "positiv_forandring_mal_ej_uppfyllt", "ingen_forandring",
    "negativ_forandring"};
inline constexpr const char* kResults[] = {
    "Målet har nåtts enligt alla inblandade.", "Tydlig förbättring men målet är ännu inte nått.",
    "Ingen märkbar förändring sedan förra uppföljningen.",
    "Situationen har försämrats under perioden."};
inline constexpr const char* kSituation[] = {
    "Situationen har stabiliserats och familjen använder det de övat på.",
    "Det går bättre i skolan men konflikterna hemma kvarstår delvis.",
    "Insatsen har gett effekt men behoven kvarstår.",
    "Ingen större förändring; behandlaren föreslår ändrat upplägg."};
inline constexpr const char* kLanguages[] = {"arabiska", "somaliska", "tigrinja", "dari",
                                             "persiska", "polska", "svenskt teckenspråk"};
inline constexpr const char* kClosureReasons[] = {"goals_reached", "decision_period_ended",
                                                  "individual_request", "moved",
                                                  "other_intervention", "not_participating"};
inline constexpr const char* kJournal[] = {
    "Beslut om insatsen fattat; familjen underrättad per telefon och brev.",
    "Första träffen genomförd enligt uppdraget.",
    "Telefonsamtal med skolan om närvaron.",
    "Samtal med {n} inför uppföljningen.",
    "Uppdraget skickat till utföraren.",
};

}  // namespace aktkoll::bench::texts
