#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

namespace mhero::bench {

/// Realistic synthetic national workforces for benchmarks: names from West African anglophone
/// (Liberia, Sierra Leone), francophone (Guinea, Mali, Côte d'Ivoire), East African (Kenya,
/// Uganda) and Nigerian/Ghanaian naming patterns; a country → county → district → facility
/// hierarchy; iHRIS job and cadre CodeSystems; phones typed the many ways registry clerks type
/// them (about 3 % invalid). Deterministic for a given seed.
class WorkforceGenerator final
{
public:
    explicit WorkforceGenerator(quint32 seed = 2026);

    /// CodeSystems (ihris-cadre, ihris-job), then every Location of the hierarchy.
    [[nodiscard]] QJsonArray referenceData() const;
    /// Practitioner number @p i (ids "bw-<i>").
    [[nodiscard]] QJsonObject practitioner(int i);
    /// The PractitionerRole of practitioner @p i, at one of the facilities.
    [[nodiscard]] QJsonObject role(int i);
    /// A Bundle of @p type ("transaction", "batch", "searchset") around @p resources.
    static QJsonObject bundle(const QJsonArray& resources, const QString& type = QStringLiteral("batch"));

    /// Names that exist in generated data, for search queries.
    [[nodiscard]] QString sampleFamilyName(int i) const;
    [[nodiscard]] QString sampleGivenName(int i) const;
    [[nodiscard]] QString sampleFacility(int i) const;
    [[nodiscard]] QString sampleDistrict(int i) const;
    /// The national-format phone of practitioner @p i as an agent would type it ("0770 123 456").
    [[nodiscard]] QString localPhone(int i) const;

private:
    struct Place
    {
        QString id;
        QString name;
        QString parent;
        QString type;
    };
    QRandomGenerator m_random;
    QList<Place> m_places;
    QList<int> m_facilities; ///< indexes into m_places
    QList<int> m_districts;
};

} // namespace mhero::bench
