#include "templates/TemplateText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace mhero::templates {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::templates", text);
}

/// One piece of a body, as the tokenizer sees it.
struct Token
{
    enum class Kind {
        Text, ///< copied as it is (including lone braces)
        Placeholder, ///< `{{name}}` with a valid name
        BadName, ///< `{{…}}` whose content is not a valid name
        Unclosed, ///< `{{` (or a longer run) with no `}}` before the next opener or the end
        Unopened, ///< `}}` (or a longer run) with no open `{{`
        WrongBraces, ///< an opener…closer where either side has three or more braces
    };
    Kind kind = Kind::Text;
    qsizetype start = 0;
    qsizetype length = 0;
    QString name; ///< the name (Placeholder) or the trimmed content (BadName)
};

bool isBrace(QChar c)
{
    return c == QLatin1Char('{') || c == QLatin1Char('}');
}

qsizetype runLength(const QString& text, qsizetype from)
{
    const QChar c = text.at(from);
    qsizetype end = from + 1;
    while (end < text.size() && text.at(end) == c)
        ++end;
    return end - from;
}

/// Spaces around a name are allowed, and only spaces: a tab or a line break inside the braces is
/// more likely a mistake than a layout choice.
QStringView trimSpaces(QStringView text)
{
    while (!text.isEmpty() && text.front() == QLatin1Char(' '))
        text = text.mid(1);
    while (!text.isEmpty() && text.back() == QLatin1Char(' '))
        text.chop(1);
    return text;
}

/// Splits @p body into tokens following the rules in the header. Adjacent text is not merged:
/// callers only copy it.
QList<Token> tokenize(const QString& body)
{
    QList<Token> tokens;
    const qsizetype n = body.size();
    qsizetype textStart = 0;
    auto flushText = [&](qsizetype end) {
        if (end > textStart)
            tokens.append(Token{Token::Kind::Text, textStart, end - textStart, {}});
    };

    qsizetype i = 0;
    while (i < n) {
        if (!isBrace(body.at(i))) {
            ++i;
            continue;
        }
        const qsizetype run = runLength(body, i);
        if (run == 1) { // a lone brace is text
            ++i;
            continue;
        }
        flushText(i);
        if (body.at(i) == QLatin1Char('}')) {
            tokens.append(Token{Token::Kind::Unopened, i, run, {}});
            i += run;
            textStart = i;
            continue;
        }
        // An opener: look for the first run of two or more braces after it. Lone braces are content.
        qsizetype j = i + run;
        qsizetype closeRun = 0;
        while (j < n) {
            if (isBrace(body.at(j))) {
                closeRun = runLength(body, j);
                if (closeRun >= 2)
                    break;
            }
            ++j;
        }
        if (j >= n || body.at(j) == QLatin1Char('{')) {
            // Not closed: report the opener alone and carry on after it, so a later `{{x}}` is read.
            tokens.append(Token{Token::Kind::Unclosed, i, run, {}});
            i += run;
            textStart = i;
            continue;
        }
        const qsizetype end = j + closeRun;
        if (run != 2 || closeRun != 2) {
            tokens.append(Token{Token::Kind::WrongBraces, i, end - i, {}});
        } else {
            const QString content = trimSpaces(QStringView(body).mid(i + 2, j - i - 2)).toString();
            tokens.append(Token{isValidPlaceholderName(content) ? Token::Kind::Placeholder : Token::Kind::BadName, i,
                                end - i, content});
        }
        i = end;
        textStart = i;
    }
    flushText(n);
    return tokens;
}

/// What is wrong with @p token, if anything.
std::optional<Problem> problemFor(const Token& token, const QSet<QString>& declared)
{
    Problem p;
    p.position = token.start;
    p.length = token.length;
    p.name = token.name;
    switch (token.kind) {
    case Token::Kind::Text:
        return std::nullopt;
    case Token::Kind::Placeholder:
        if (isBuiltinPlaceholder(token.name) || declared.contains(token.name))
            return std::nullopt;
        p.kind = Problem::Kind::UnknownPlaceholder;
        p.message
            = tr("The placeholder {{%1}} is neither built in nor declared by this template version.").arg(token.name);
        break;
    case Token::Kind::BadName:
        p.kind = Problem::Kind::BadPlaceholderName;
        p.message = token.name.isEmpty()
            ? tr("A placeholder has no name: write a name between the braces, like {{given_name}}.")
            : tr("\"%1\" is not a valid placeholder name: use lower-case letters, digits and \"_\", starting "
                 "with a letter, at most %2 characters.")
                  .arg(token.name)
                  .arg(kMaxPlaceholderName);
        break;
    case Token::Kind::Unclosed:
        p.kind = Problem::Kind::UnbalancedBraces;
        p.message = tr("This \"{{\" is not closed by \"}}\" before the next \"{{\" or the end of the text.");
        break;
    case Token::Kind::Unopened:
        p.kind = Problem::Kind::UnbalancedBraces;
        p.message = tr("This \"}}\" has no \"{{\" before it.");
        break;
    case Token::Kind::WrongBraces:
        p.kind = Problem::Kind::UnbalancedBraces;
        p.message = tr("A placeholder takes exactly two braces on each side, like {{given_name}}.");
        break;
    }
    return p;
}

} // namespace

QStringList builtinPlaceholders()
{
    return {kGivenName, kFamilyName, kCadre, kFacility, kDistrict, kAgentName, kDate};
}

bool isBuiltinPlaceholder(const QString& name)
{
    for (QLatin1StringView builtin : {kGivenName, kFamilyName, kCadre, kFacility, kDistrict, kAgentName, kDate})
        if (name == builtin)
            return true;
    return false;
}

bool isValidPlaceholderName(const QString& name)
{
    if (name.isEmpty() || name.size() > kMaxPlaceholderName)
        return false;
    auto lower = [](QChar c) { return c >= QLatin1Char('a') && c <= QLatin1Char('z'); };
    auto digit = [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); };
    if (!lower(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [&](QChar c) { return lower(c) || digit(c) || c == QLatin1Char('_'); });
}

QList<Problem> validate(const QString& body, const QStringList& declaredFreePlaceholders, qsizetype maxLength)
{
    QList<Problem> problems;
    if (body.trimmed().isEmpty()) {
        problems.append(Problem{Problem::Kind::EmptyBody, 0, body.size(), {}, tr("The text is empty.")});
        return problems;
    }
    const QSet<QString> declared(declaredFreePlaceholders.cbegin(), declaredFreePlaceholders.cend());
    for (const Token& token : tokenize(body)) {
        if (std::optional<Problem> p = problemFor(token, declared))
            problems.append(std::move(*p));
    }
    if (maxLength > 0 && body.size() > maxLength) {
        problems.append(Problem{Problem::Kind::TooLong,
                                maxLength,
                                body.size() - maxLength,
                                {},
                                tr("The text has %1 characters; the limit is %2.").arg(body.size()).arg(maxLength)});
    }
    // Tokens come in order; only the length problem may need moving forward.
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.position < b.position; });
    return problems;
}

QStringList placeholders(const QString& body)
{
    QStringList names;
    for (const Token& token : tokenize(body))
        if (token.kind == Token::Kind::Placeholder && !names.contains(token.name))
            names.append(token.name);
    return names;
}

std::optional<QHash<QString, QString>> placeholderValues(const QString& body, const QString& text)
{
    // One anchored expression: fixed words escaped, a placeholder's first occurrence a lazy group,
    // later ones a back-reference to it (the same value everywhere, as render() writes it).
    QString pattern = QStringLiteral("\\A");
    QStringList names;
    bool lastWasPlaceholder = false;
    for (const Token& token : tokenize(body)) {
        if (token.kind != Token::Kind::Placeholder) {
            pattern += QRegularExpression::escape(QStringView(body).mid(token.start, token.length).toString());
            lastWasPlaceholder = false;
            continue;
        }
        if (lastWasPlaceholder)
            return std::nullopt; // "{{a}}{{b}}": where one ends and the other starts is anyone's guess
        lastWasPlaceholder = true;
        if (const qsizetype seen = names.indexOf(token.name); seen >= 0) {
            pattern += QStringLiteral("\\%1").arg(seen + 1);
        } else {
            names.append(token.name);
            pattern += QStringLiteral("(.+?)");
        }
    }
    pattern += QStringLiteral("\\z");
    const QRegularExpression expression(pattern, QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = expression.match(text);
    if (!expression.isValid() || !match.hasMatch())
        return std::nullopt;
    QHash<QString, QString> values;
    for (qsizetype i = 0; i < names.size(); ++i)
        values.insert(names.at(i), match.captured(int(i + 1)));
    return values;
}

Rendered render(const QString& body, const QHash<QString, QString>& values)
{
    Rendered out;
    out.text.reserve(body.size());
    for (const Token& token : tokenize(body)) {
        if (token.kind != Token::Kind::Placeholder) {
            out.text.append(QStringView(body).mid(token.start, token.length));
            continue;
        }
        const auto value = values.constFind(token.name);
        if (value != values.cend() && !value->trimmed().isEmpty()) {
            out.text.append(*value);
            continue;
        }
        const QString marker = QLatin1String("{{") + token.name + QLatin1String("}}");
        out.unfilledSpans.append(Span{out.text.size(), marker.size()});
        out.text.append(marker);
        if (!out.unfilled.contains(token.name))
            out.unfilled.append(token.name);
    }
    return out;
}

QString languageCode(const QString& tag)
{
    const QString trimmed = tag.trimmed();
    qsizetype end = 0;
    while (end < trimmed.size() && trimmed.at(end) != QLatin1Char('-') && trimmed.at(end) != QLatin1Char('_'))
        ++end;
    if (end < 2 || end > 3)
        return {};
    QString code = trimmed.left(end).toLower();
    for (QChar c : code)
        if (c < QLatin1Char('a') || c > QLatin1Char('z'))
            return {};
    return code;
}

QString pickLanguage(const QStringList& available, const QString& wanted, const QStringList& fallbacks,
                     const QString& baseLanguage)
{
    QStringList codes;
    for (const QString& tag : available) {
        const QString code = languageCode(tag);
        if (!code.isEmpty() && !codes.contains(code))
            codes.append(code);
    }
    if (codes.isEmpty())
        return {};

    QStringList chain{wanted};
    chain += fallbacks;
    chain << baseLanguage << QStringLiteral("en");
    for (const QString& tag : std::as_const(chain)) {
        QString code = languageCode(tag);
        if (!code.isEmpty() && codes.contains(code))
            return code;
    }
    return codes.constFirst();
}

QHash<QString, QString> builtinValues(const PersonFields& person, const QString& agentName, QDate date,
                                      const QString& language)
{
    QHash<QString, QString> values;
    auto put = [&values](QLatin1StringView name, const QString& value) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty())
            values.insert(QString(name), trimmed);
    };
    put(kGivenName, person.givenName);
    put(kFamilyName, person.familyName);
    put(kCadre, person.cadre);
    put(kFacility, person.facility);
    put(kDistrict, person.district);
    put(kAgentName, agentName);
    if (date.isValid())
        put(kDate, QLocale(language).toString(date, QLocale::LongFormat));
    return values;
}

LanguageChanges compareLanguages(const QMap<QString, QString>& inUse, const QMap<QString, QString>& submitted)
{
    LanguageChanges changes; // QMap iterates in key order: every list comes out sorted
    for (auto it = submitted.cbegin(); it != submitted.cend(); ++it) {
        if (!inUse.contains(it.key()))
            changes.added << it.key();
        else if (inUse.value(it.key()).trimmed() == it.value().trimmed())
            changes.unchanged << it.key();
        else
            changes.changed << it.key();
    }
    for (auto it = inUse.cbegin(); it != inUse.cend(); ++it)
        if (!submitted.contains(it.key()))
            changes.removed << it.key();
    return changes;
}

} // namespace mhero::templates
