#pragma once

#include <QString>

#include <optional>

namespace mhero::fhir {

/// What a FHIR source is configured with, apart from its wire types: what kind of server it is
/// and how it authenticates. Kept on their own so that code which sets up or runs the adapter
/// (FhirSource, the engine, mhero-admin) need not include the client or the parser.

/// What kind of server a source is: decides which resources are read and how they are mapped.
enum class SourceKind { Ihris, OpenMrs, Generic };
std::optional<SourceKind> sourceKindFromString(const QString& text);
QString toString(SourceKind kind);

/// How a FHIR server wants to be authenticated.
struct Credentials
{
    enum class Method { None, Basic, Bearer };
    Method method = Method::None;
    QString secret; ///< Basic: "user:password"; Bearer: the token
    QString origin; ///< the one origin the secret may be sent to; default: the base URL's
};
std::optional<Credentials::Method> authMethodFromString(const QString& text);
QString toString(Credentials::Method method);

} // namespace mhero::fhir
