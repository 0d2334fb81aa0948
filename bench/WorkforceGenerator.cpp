#include "WorkforceGenerator.h"

#include <array>

namespace mhero::bench {

namespace {
struct NamePool
{
    std::initializer_list<const char*> given;
    std::initializer_list<const char*> family;
};
// Several naming patterns a ministry's registry actually holds.
const std::array<NamePool, 4> kPools{{
    {{"Musu",  "Fatu",  "Kebeh",  "Garmai", "Comfort",  "Blessing", "Mariama",  "Jallah",
      "Momo",  "Sekou", "Varney", "Prince", "Emmanuel", "Esther",   "Patience", "Famata",
      "Korto", "Siaka", "Tamba",  "Sia",    "Finda",    "Abraham"},
     {"Kamara", "Konneh",  "Kollie", "Flomo", "Sirleaf", "Weah",      "Dolo",      "Gbowee",
      "Tarr",   "Kpadeh",  "Wleh",   "Sumo",  "Johnson", "Doe",       "Massaquoi", "Koroma",
      "Sesay",  "Bangura", "Conteh", "Turay", "Kargbo",  "Fahnbulleh"}},
    {{"Aïssata",  "Mamadou", "Fatoumata", "Ibrahima", "Oumar", "Kadiatou", "Moussa", "Aminata", "Souleymane", "Mariam",
      "Boubacar", "Hawa",    "Adama",     "Awa",      "Yao",   "Koffi",    "Amenan", "Zoé",     "Hélène",     "Chérif"},
     {"Diallo", "Bah", "Camara", "Touré", "Keïta", "Traoré", "Coulibaly", "Sangaré", "Diakité", "Koné", "Kouassi",
      "N'Guessan", "Konaté", "Sylla", "Condé", "Doumbia", "Bamba"}},
    {{"Wanjiru", "Achieng", "Otieno", "Kiprop", "Chebet", "Mwangi", "Akinyi", "Njeri", "Kamau", "Nakato", "Mukasa",
      "Okello", "Atieno", "Wekesa", "Jepkosgei", "Auma"},
     {"Odhiambo", "Kipchoge", "Mutua", "Wafula", "Kariuki", "Ochieng", "Nyambura", "Kiptoo", "Ssempala", "Namubiru",
      "Omondi", "Njoroge", "Cheruiyot", "Mwende"}},
    {{"Chinedu", "Ngozi", "Oluwaseun", "Adebayo", "Kwame", "Ama", "Kofi", "Efua", "Yaw", "Abena", "Emeka", "Funmilayo"},
     {"Okafor", "Adeyemi", "Mensah", "Owusu", "Boateng", "Nwosu", "Okonkwo", "Asante", "Adjei", "Eze"}},
}};
// Pool weights: mostly local names, as in a Liberian registry.
constexpr std::array<int, 4> kPoolWeight{60, 20, 10, 10};

const std::array<const char*, 15> kCounties{"Bomi",        "Bong",      "Gbarpolu",   "Grand Bassa", "Grand Cape Mount",
                                            "Grand Gedeh", "Grand Kru", "Lofa",       "Margibi",     "Maryland",
                                            "Montserrado", "Nimba",     "River Cess", "River Gee",   "Sinoe"};
const std::array<const char*, 12> kSyllables{"ka", "lo", "gba", "ta", "zo", "we", "ni", "bo", "ma", "ku", "sa", "du"};

struct Job
{
    const char* code;
    const char* display;
    const char* cadre;
};
const std::array<Job, 12> kJobs{{{"rn", "Registered Nurse", "nurse"},
                                 {"lpn", "Licensed Practical Nurse", "nurse"},
                                 {"cm", "Certified Midwife", "midwife"},
                                 {"rm", "Registered Midwife", "midwife"},
                                 {"pa", "Physician Assistant", "pa"},
                                 {"md", "Medical Doctor", "physician"},
                                 {"lab", "Laboratory Technician", "lab"},
                                 {"pharm", "Pharmacist", "pharmacy"},
                                 {"dsp", "Dispenser", "pharmacy"},
                                 {"eho", "Environmental Health Officer", "public-health"},
                                 {"chss", "Community Health Services Supervisor", "community"},
                                 {"cha", "Community Health Assistant", "community"}}};
const std::array<std::pair<const char*, const char*>, 8> kCadres{{{"nurse", "Nurse"},
                                                                  {"midwife", "Midwife"},
                                                                  {"pa", "Physician Assistant"},
                                                                  {"physician", "Physician"},
                                                                  {"lab", "Laboratory"},
                                                                  {"pharmacy", "Pharmacy"},
                                                                  {"public-health", "Public Health"},
                                                                  {"community", "Community Health"}}};

QString capitalised(QString s)
{
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QJsonObject reference(const QString& r)
{
    return QJsonObject{{QStringLiteral("reference"), r}};
}
} // namespace

WorkforceGenerator::WorkforceGenerator(quint32 seed)
    : m_random(seed)
{
    m_places.append({QStringLiteral("lr"), QStringLiteral("Liberia"), {}, QStringLiteral("country")});
    static const char* const kinds[] = {"Health Center", "Clinic", "Community Clinic", "Hospital", "Health Post"};
    for (int c = 0; c < int(kCounties.size()); ++c) {
        const QString county = QStringLiteral("county-%1").arg(c);
        m_places.append({county, QString::fromUtf8(kCounties[c]), QStringLiteral("lr"), QStringLiteral("county")});
        const int districts = 4 + int(m_random.bounded(5));
        for (int d = 0; d < districts; ++d) {
            QString town;
            for (int s = 0; s < 2 + int(m_random.bounded(2)); ++s)
                town += QString::fromLatin1(kSyllables[m_random.bounded(int(kSyllables.size()))]);
            town = capitalised(town);
            const QString district = QStringLiteral("district-%1-%2").arg(c).arg(d);
            m_districts.append(int(m_places.size()));
            m_places.append({district, town, county, QStringLiteral("district")});
            const int facilities = 6 + int(m_random.bounded(14));
            for (int f = 0; f < facilities; ++f) {
                QString place;
                for (int s = 0; s < 2 + int(m_random.bounded(2)); ++s)
                    place += QString::fromLatin1(kSyllables[m_random.bounded(int(kSyllables.size()))]);
                const QString name = f == 0
                    ? QString(town + QStringLiteral(" Referral Hospital"))
                    : QString(capitalised(place) + QLatin1Char(' ') + QString::fromLatin1(kinds[m_random.bounded(5)]));
                m_facilities.append(int(m_places.size()));
                m_places.append(
                    {QStringLiteral("fac-%1-%2-%3").arg(c).arg(d).arg(f), name, district, QStringLiteral("facility")});
            }
        }
    }
}

QJsonArray WorkforceGenerator::referenceData() const
{
    QJsonArray out;
    QJsonArray cadres;
    for (const auto& [code, display] : kCadres)
        cadres.append(QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                  {QStringLiteral("display"), QString::fromLatin1(display)}});
    out.append(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("CodeSystem")},
                           {QStringLiteral("id"), QStringLiteral("ihris-cadre")},
                           {QStringLiteral("url"), QStringLiteral("http://ihris.org/fhir/CodeSystem/ihris-cadre")},
                           {QStringLiteral("status"), QStringLiteral("active")},
                           {QStringLiteral("content"), QStringLiteral("complete")},
                           {QStringLiteral("concept"), cadres}});
    QJsonArray jobs;
    for (const Job& j : kJobs)
        jobs.append(QJsonObject{
            {QStringLiteral("code"), QString::fromLatin1(j.code)},
            {QStringLiteral("display"), QString::fromLatin1(j.display)},
            {QStringLiteral("property"),
             QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("cadre")},
                                    {QStringLiteral("valueCoding"),
                                     QJsonObject{{QStringLiteral("system"),
                                                  QStringLiteral("http://ihris.org/fhir/CodeSystem/ihris-cadre")},
                                                 {QStringLiteral("code"), QString::fromLatin1(j.cadre)}}}}}}});
    out.append(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("CodeSystem")},
                           {QStringLiteral("id"), QStringLiteral("ihris-job")},
                           {QStringLiteral("url"), QStringLiteral("http://ihris.org/fhir/CodeSystem/ihris-job")},
                           {QStringLiteral("status"), QStringLiteral("active")},
                           {QStringLiteral("content"), QStringLiteral("complete")},
                           {QStringLiteral("concept"), jobs}});
    for (const Place& p : m_places) {
        QJsonObject location{{QStringLiteral("resourceType"), QStringLiteral("Location")},
                             {QStringLiteral("id"), p.id},
                             {QStringLiteral("name"), p.name},
                             {QStringLiteral("status"), QStringLiteral("active")},
                             {QStringLiteral("type"),
                              QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                                      QJsonArray{QJsonObject{{QStringLiteral("code"), p.type}}}}}}}};
        if (!p.parent.isEmpty())
            location.insert(QStringLiteral("partOf"), reference(QStringLiteral("Location/") + p.parent));
        out.append(location);
    }
    return out;
}

QString WorkforceGenerator::localPhone(int i) const
{
    // 077x / 088x / 055x mobile prefixes, 6 more digits from the index (unique up to 3 M).
    static const char* const prefixes[] = {"0770", "0886", "0555", "0776", "0880"};
    const int n = i % 1'000'000;
    return QStringLiteral("%1 %2 %3")
        .arg(QString::fromLatin1(prefixes[(i / 1'000'000) % 5]))
        .arg(n / 1000, 3, 10, QLatin1Char('0'))
        .arg(n % 1000, 3, 10, QLatin1Char('0'));
}

QJsonObject WorkforceGenerator::practitioner(int i)
{
    const int roll = int(m_random.bounded(100));
    int pool = 0;
    for (int acc = kPoolWeight[0]; roll >= acc; acc += kPoolWeight[++pool]) { }
    const NamePool& names = kPools[pool];
    const auto pick = [this](std::initializer_list<const char*> list) {
        return QString::fromUtf8(*(list.begin() + m_random.bounded(int(list.size()))));
    };
    const QString given = pick(names.given);
    const QString family = pick(names.family);
    QJsonArray givenNames{given};
    if (m_random.bounded(5) == 0)
        givenNames.append(QString(QString(QChar(u'A' + m_random.bounded(26))) + QLatin1Char('.')));
    // The same number, typed as clerks do.
    QString phone = localPhone(i);
    switch (m_random.bounded(6)) {
    case 0:
        phone = QStringLiteral("00231 ") + phone.mid(1);
        break;
    case 1:
        phone = QStringLiteral("+231 ") + phone.mid(1);
        break;
    case 2:
        phone = QStringLiteral("231-") + QString(phone.mid(1)).replace(QLatin1Char(' '), QLatin1Char('-'));
        break;
    case 3:
        phone = QStringLiteral("(%1) %2").arg(phone.left(3), QString(phone.mid(3)).remove(QLatin1Char(' ')));
        break;
    default:
        break;
    }
    if (m_random.bounded(100) < 3)
        phone = phone.left(phone.size() - 2); // a digit or two short: invalid, kept and flagged
    QJsonObject p{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                  {QStringLiteral("id"), QStringLiteral("bw-%1").arg(i)},
                  {QStringLiteral("active"), m_random.bounded(100) >= 4},
                  {QStringLiteral("gender"), m_random.bounded(2) ? QStringLiteral("female") : QStringLiteral("male")},
                  {QStringLiteral("name"),
                   QJsonArray{QJsonObject{{QStringLiteral("use"), QStringLiteral("official")},
                                          {QStringLiteral("family"), family},
                                          {QStringLiteral("given"), givenNames}}}},
                  {QStringLiteral("identifier"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("system"), QStringLiteral("http://ihris.org/fhir/ids/employee")},
                       {QStringLiteral("value"), QStringLiteral("LR-HW-%1").arg(i, 7, 10, QLatin1Char('0'))}}}},
                  {QStringLiteral("telecom"),
                   QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                          {QStringLiteral("value"), phone},
                                          {QStringLiteral("use"), QStringLiteral("mobile")}}}}};
    if (pool == 1)
        p.insert(QStringLiteral("communication"),
                 QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                         QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("fr")}}}}}});
    return p;
}

QJsonObject WorkforceGenerator::role(int i)
{
    const Job& job = kJobs[m_random.bounded(int(kJobs.size()))];
    const Place& facility = m_places.at(m_facilities.at(m_random.bounded(int(m_facilities.size()))));
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("PractitionerRole")},
        {QStringLiteral("id"), QStringLiteral("bwr-%1").arg(i)},
        {QStringLiteral("active"), true},
        {QStringLiteral("practitioner"), reference(QStringLiteral("Practitioner/bw-%1").arg(i))},
        {QStringLiteral("code"),
         QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                 QJsonArray{QJsonObject{{QStringLiteral("system"),
                                                         QStringLiteral("http://ihris.org/fhir/CodeSystem/ihris-job")},
                                                        {QStringLiteral("code"), QString::fromLatin1(job.code)}}}}}}},
        {QStringLiteral("location"), QJsonArray{reference(QStringLiteral("Location/") + facility.id)}},
        {QStringLiteral("period"),
         QJsonObject{{QStringLiteral("start"),
                      QStringLiteral("%1-0%2-01").arg(2005 + m_random.bounded(20)).arg(1 + m_random.bounded(9))}}}};
}

QJsonObject WorkforceGenerator::bundle(const QJsonArray& resources, const QString& type)
{
    QJsonArray entries;
    for (const QJsonValue& v : resources) {
        const QJsonObject r = v.toObject();
        QJsonObject entry{{QStringLiteral("resource"), r}};
        if (type == QLatin1String("batch") || type == QLatin1String("transaction"))
            entry.insert(QStringLiteral("request"),
                         QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                                     {QStringLiteral("url"),
                                      QString(r.value(QStringLiteral("resourceType")).toString() + QLatin1Char('/')
                                              + r.value(QStringLiteral("id")).toString())}});
        entries.append(entry);
    }
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("entry"), entries}};
}

QString WorkforceGenerator::sampleFamilyName(int i) const
{
    const NamePool& p = kPools[i % 4];
    return QString::fromUtf8(*(p.family.begin() + (i * 7) % int(p.family.size())));
}

QString WorkforceGenerator::sampleGivenName(int i) const
{
    const NamePool& p = kPools[i % 4];
    return QString::fromUtf8(*(p.given.begin() + (i * 5) % int(p.given.size())));
}

QString WorkforceGenerator::sampleFacility(int i) const
{
    return m_places.at(m_facilities.at((i * 37) % int(m_facilities.size()))).name;
}

QString WorkforceGenerator::sampleDistrict(int i) const
{
    return m_places.at(m_districts.at((i * 11) % int(m_districts.size()))).name;
}

} // namespace mhero::bench
