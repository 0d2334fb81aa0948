#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

/// The text of a message template: its `{{placeholders}}`, their checking, rendering for one
/// health worker, and the choice among a version's language variants. Pure functions: no database,
/// no widgets, so the editor, the composer and the broadcast planner all see the same rules.
///
/// Placeholder syntax, decided here once:
/// - A placeholder is `{{name}}`, with optional spaces (U+0020 only) inside the braces:
///   `{{ given_name }}`. A name is `[a-z][a-z0-9_]{0,63}`.
/// - A lone `{` or `}` (not next to another brace of the same kind) is plain text: "{x}" is sent
///   as typed.
/// - `{{` opens a placeholder that must be closed by `}}` before the next `{{` and before the end
///   of the text; otherwise that `{{` is unbalanced. A `}}` with no open `{{` is unbalanced.
/// - A run of three or more braces of the same kind (`{{{x}}}`, `{{x}}}`) is an opener or closer
///   with the wrong number of braces: the whole construct is reported once as unbalanced.
/// - Anything malformed is kept verbatim when rendering (validation stops it from being approved).
///
/// Positions and lengths are QString indexes (UTF-16 code units), as QTextCursor counts them.
namespace mhero::templates {

/// The largest placeholder name: a letter and at most 63 more characters.
inline constexpr qsizetype kMaxPlaceholderName = 64;

/// Built-in placeholder names, filled from the directory, the agent and the clock.
inline constexpr QLatin1StringView kGivenName{"given_name"};
inline constexpr QLatin1StringView kFamilyName{"family_name"};
inline constexpr QLatin1StringView kCadre{"cadre"};
inline constexpr QLatin1StringView kFacility{"facility"};
inline constexpr QLatin1StringView kDistrict{"district"};
inline constexpr QLatin1StringView kAgentName{"agent_name"};
inline constexpr QLatin1StringView kDate{"date"};

/// The built-in placeholder names, in the order the editor offers them.
[[nodiscard]] QStringList builtinPlaceholders();
[[nodiscard]] bool isBuiltinPlaceholder(const QString& name);
/// True when @p name matches `[a-z][a-z0-9_]{0,63}`.
[[nodiscard]] bool isValidPlaceholderName(const QString& name);

/// One thing wrong with a template body, for the editor to underline and list.
struct Problem
{
    enum class Kind {
        EmptyBody, ///< nothing but white space
        TooLong, ///< longer than the limit; position is the first code unit past it
        UnbalancedBraces, ///< `{{` not closed, `}}` not opened, or three or more braces in a row
        BadPlaceholderName, ///< `{{…}}` whose content is not a valid name (`{{Name}}`, `{{}}`, `{{1}}`)
        UnknownPlaceholder, ///< a valid name that is neither built in nor declared by the version
    };

    Kind kind = Kind::EmptyBody;
    qsizetype position = 0; ///< QString index where the problem starts
    qsizetype length = 0; ///< code units to underline from @ref position
    QString name; ///< the placeholder name (or raw content) concerned, when there is one
    QString message; ///< translated, one sentence, for the editor

    bool operator==(const Problem&) const = default;
};

/// Everything wrong with @p body, in order of position (at most one EmptyBody problem, and then
/// nothing else). @p declaredFreePlaceholders are the names the template version declares besides
/// the built-in ones (e.g. "code", "deadline"). @p maxLength is in UTF-16 code units, so an emoji
/// counts two (never fewer than a carrier or WhatsApp counts); 0 or less means no limit. Each
/// occurrence of an unknown placeholder is reported, so the editor can underline every one.
[[nodiscard]] QList<Problem> validate(const QString& body, const QStringList& declaredFreePlaceholders,
                                      qsizetype maxLength);

/// The names of the well-formed placeholders of @p body (known or not), in order of first
/// appearance, each once. Malformed constructs are not placeholders and are not listed.
[[nodiscard]] QStringList placeholders(const QString& body);

/// The values that turned @p body into @p text — the inverse of render() — by name, or nothing
/// when @p text does not follow @p body (its fixed words changed, or a repeated placeholder got
/// two different values). A platform that renders the template itself (WhatsApp) needs them as
/// parameters. Two placeholders with nothing between them cannot be told apart, so such a body
/// gives nothing (the WhatsApp mapping refuses it for the same reason).
[[nodiscard]] std::optional<QHash<QString, QString>> placeholderValues(const QString& body, const QString& text);

/// A range of a rendered text.
struct Span
{
    qsizetype start = 0;
    qsizetype length = 0;

    bool operator==(const Span&) const = default;
};

/// A body with its placeholders replaced for one recipient.
struct Rendered
{
    QString text;
    QStringList unfilled; ///< placeholders with no value or a blank one, in order of first appearance
    QList<Span> unfilledSpans; ///< where each unfilled occurrence stands in @ref text, in order

    /// True when the text can be sent as it is.
    [[nodiscard]] bool complete() const { return unfilled.isEmpty(); }
};

/// Replaces each well-formed placeholder of @p body by its value in @p values. A placeholder whose
/// value is missing or blank (white space only) stays in the text as `{{name}}` (inner spaces
/// dropped) and is reported with its span, so the composer can highlight it. Values are inserted as
/// they are, in one pass: a value that itself contains `{{…}}` is not expanded again.
[[nodiscard]] Rendered render(const QString& body, const QHash<QString, QString>& values);

/// The bare language of a tag: "fr-CD", "fr_CD", "FR" → "fr"; "por" → "por". Empty when the tag
/// is not an ISO 639-1/639-2 code (two or three letters, before any region or script subtag).
[[nodiscard]] QString languageCode(const QString& tag);

/// The language variant of a template to send, from @p available (the languages the version has a
/// body for). Tags are compared by languageCode(), so case and region subtags do not matter. Tried
/// in this order, the first available one wins:
///  1. @p wanted: the conversation's language ("fr-CD" → "fr");
///  2. @p fallbacks, in order: the health worker's languages, then anything else the caller prefers;
///  3. @p baseLanguage: the language the template was written in, when the caller knows it;
///  4. "en";
///  5. the first valid entry of @p available, so a template with any body always yields one.
/// Returns the bare code ("fr"), or an empty string when @p available has no valid code.
/// (The base language is a parameter rather than "the first available" because the database keeps
/// a version's bodies unordered: step 5 is a last resort, not a preference.)
[[nodiscard]] QString pickLanguage(const QStringList& available, const QString& wanted,
                                   const QStringList& fallbacks = {}, const QString& baseLanguage = {});

/// The directory fields of a recipient that built-in placeholders use.
struct PersonFields
{
    QString givenName;
    QString familyName;
    QString cadre;
    QString facility;
    QString district;
};

/// Values for the built-in placeholders: the person's fields and @p agentName (trimmed), and
/// @p date in the long date format of @p language (a language tag such as "fr" or "pt-MZ": the
/// language of the message, not of the console). Blank fields and an invalid date are left out, so
/// render() reports them as unfilled rather than sending an empty gap.
[[nodiscard]] QHash<QString, QString> builtinValues(const PersonFields& person, const QString& agentName, QDate date,
                                                    const QString& language);

/// How each language's wording of a new version differs from the version in use, so that an
/// approver sees what a translator may have missed. Languages are sorted; bodies are compared
/// without their leading and trailing white space.
struct LanguageChanges
{
    QStringList changed; ///< in both versions, worded differently
    QStringList unchanged; ///< in both versions, word for word the same
    QStringList added; ///< only in the new version
    QStringList removed; ///< only in the version in use

    /// Some languages were rewritten while others were left as they were: those may now say
    /// something else than the rewritten ones (the English changed, the French did not).
    [[nodiscard]] bool leftSomeBehind() const { return !changed.isEmpty() && !unchanged.isEmpty(); }
};
[[nodiscard]] LanguageChanges compareLanguages(const QMap<QString, QString>& inUse,
                                               const QMap<QString, QString>& submitted);

} // namespace mhero::templates
