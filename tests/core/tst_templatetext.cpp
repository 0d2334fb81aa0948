// Template text: placeholder syntax, validation with positions, rendering with highlight spans,
// language fallback and built-in values. Positions in the rows are counted by hand.
#include "templates/TemplateText.h"

#include <QTest>

#include <initializer_list>
#include <utility>

using namespace mhero::templates;

namespace {

using Values = QHash<QString, QString>;

QStringList strings(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

Values valuesOf(std::initializer_list<std::pair<const char*, const char*>> items)
{
    QHash<QString, QString> hash;
    for (const auto& [key, value] : items)
        hash.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    return hash;
}

QString kindName(Problem::Kind kind)
{
    switch (kind) {
    case Problem::Kind::EmptyBody:
        return QStringLiteral("empty");
    case Problem::Kind::TooLong:
        return QStringLiteral("toolong");
    case Problem::Kind::UnbalancedBraces:
        return QStringLiteral("unbalanced");
    case Problem::Kind::BadPlaceholderName:
        return QStringLiteral("badname");
    case Problem::Kind::UnknownPlaceholder:
        return QStringLiteral("unknown");
    }
    return {};
}

/// "kind@position:length", so a row reads like the text it checks.
QStringList describe(const QList<Problem>& problems)
{
    QStringList out;
    for (const Problem& p : problems)
        out.append(QStringLiteral("%1@%2:%3").arg(kindName(p.kind)).arg(p.position).arg(p.length));
    return out;
}

} // namespace

class TestTemplateText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names();
    void validate_data();
    void validate();
    void problemsCarryNameAndMessage();
    void placeholders_data();
    void placeholders();
    void render_data();
    void render();
    void placeholderValuesInvertRender();
    void placeholderValuesRefuseWhatDoesNotFollow();
    void languageCode_data();
    void languageCode();
    void pickLanguage_data();
    void pickLanguage();
    void builtinValuesInMessageLanguage_data();
    void builtinValuesInMessageLanguage();
    void builtinValuesLeaveBlanksOut();
    void builtinValuesRenderEndToEnd();
    void compareLanguagesFindsWhatWasLeftBehind();
};

void TestTemplateText::names()
{
    QCOMPARE(builtinPlaceholders(),
             strings({"given_name", "family_name", "cadre", "facility", "district", "agent_name", "date"}));
    QVERIFY(isBuiltinPlaceholder(QStringLiteral("agent_name")));
    QVERIFY(!isBuiltinPlaceholder(QStringLiteral("Agent_Name")));
    QVERIFY(!isBuiltinPlaceholder(QStringLiteral("code")));
    QVERIFY(isValidPlaceholderName(QStringLiteral("a")));
    QVERIFY(isValidPlaceholderName(QStringLiteral("dose_2")));
    QVERIFY(isValidPlaceholderName(QString(QStringLiteral("a") + QString(63, QLatin1Char('b')))));
    QVERIFY(!isValidPlaceholderName(QString(QStringLiteral("a") + QString(64, QLatin1Char('b')))));
    QVERIFY(!isValidPlaceholderName(QString()));
    QVERIFY(!isValidPlaceholderName(QStringLiteral("_a")));
    QVERIFY(!isValidPlaceholderName(QStringLiteral("2nd")));
    QVERIFY(!isValidPlaceholderName(QStringLiteral("Name")));
    QVERIFY(!isValidPlaceholderName(QStringLiteral("given-name")));
    QVERIFY(!isValidPlaceholderName(QStringLiteral("prénom")));
}

void TestTemplateText::validate_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("declared");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<QStringList>("expected");

    const QString name64 = QString(QStringLiteral("a") + QString(63, QLatin1Char('x')));
    const QString name65 = QString(QStringLiteral("a") + QString(64, QLatin1Char('x')));

    QTest::newRow("plain text") << "Please call the district office." << QStringList() << 0 << QStringList();
    QTest::newRow("every built-in")
        << "Dear {{given_name}} {{family_name}} ({{cadre}}, {{facility}}, {{district}}), {{agent_name}}, {{date}}"
        << QStringList() << 0 << QStringList();
    QTest::newRow("inner spaces") << "Hello {{ given_name }}, {{  date}}" << QStringList() << 0 << QStringList();
    QTest::newRow("declared free") << "Your code is {{code}}" << strings({"code"}) << 0 << QStringList();
    // "Your code is " is 13 characters; "{{code}}" 8.
    QTest::newRow("undeclared free") << "Your code is {{code}}" << QStringList() << 0 << strings({"unknown@13:8"});
    QTest::newRow("declared another") << "{{code}}" << strings({"pin"}) << 0 << strings({"unknown@0:8"});
    QTest::newRow("every unknown occurrence")
        << "{{x}} and {{x}}" << QStringList() << 0 << strings({"unknown@0:5", "unknown@10:5"});
    QTest::newRow("64-character name") << QString(QStringLiteral("{{") + name64 + QStringLiteral("}}"))
                                       << QStringList{name64} << 0 << QStringList();

    // Braces
    QTest::newRow("unclosed at the end") << "Hi {{given_name" << QStringList() << 0 << strings({"unbalanced@3:2"});
    QTest::newRow("closer without opener") << "Hi given_name}}" << QStringList() << 0 << strings({"unbalanced@13:2"});
    QTest::newRow("lone braces are text") << "Hi {given_name} { } }{" << QStringList() << 0 << QStringList();
    QTest::newRow("triple braces") << "{{{x}}}" << QStringList() << 0 << strings({"unbalanced@0:7"});
    // "Dear " is 5; "{{given_name}}}" 15.
    QTest::newRow("extra closing brace") << "Dear {{given_name}}}" << QStringList() << 0
                                         << strings({"unbalanced@5:15"});
    QTest::newRow("four braces") << "{{{{date}}}}" << QStringList() << 0 << strings({"unbalanced@0:12"});
    QTest::newRow("opener before closer") << "{{a {{given_name}}" << QStringList() << 0 << strings({"unbalanced@0:2"});
    QTest::newRow("two unclosed") << "{{a {{b" << QStringList() << 0 << strings({"unbalanced@0:2", "unbalanced@4:2"});
    QTest::newRow("three closers alone") << "ok }}}" << QStringList() << 0 << strings({"unbalanced@3:3"});
    // {{x}} at 0 (5), " and " (5), "}}" at 10, " and " (5), "{{" at 17.
    QTest::newRow("several, in order") << "{{x}} and }} and {{y" << QStringList() << 0
                                       << strings({"unknown@0:5", "unbalanced@10:2", "unbalanced@17:2"});

    // Names
    QTest::newRow("empty name") << "Hi {{}}" << QStringList() << 0 << strings({"badname@3:4"});
    QTest::newRow("blank name") << "Hi {{ }}" << QStringList() << 0 << strings({"badname@3:5"});
    QTest::newRow("upper case") << "{{Given_Name}}" << QStringList() << 0 << strings({"badname@0:14"});
    QTest::newRow("WhatsApp-style number") << "{{1}}" << QStringList() << 0 << strings({"badname@0:5"});
    QTest::newRow("space inside name") << "{{given name}}" << QStringList() << 0 << strings({"badname@0:14"});
    QTest::newRow("hyphen") << "{{given-name}}" << QStringList() << 0 << strings({"badname@0:14"});
    QTest::newRow("tab is not a space") << "{{\tdate}}" << QStringList() << 0 << strings({"badname@0:9"});
    QTest::newRow("lone brace inside") << "{{a{b}}" << QStringList() << 0 << strings({"badname@0:7"});
    QTest::newRow("65-character name") << QString(QStringLiteral("{{") + name65 + QStringLiteral("}}"))
                                       << QStringList{name65} << 0 << strings({"badname@0:69"});

    // Empty and length
    QTest::newRow("empty") << "" << QStringList() << 0 << strings({"empty@0:0"});
    QTest::newRow("white space only") << " \n\t " << QStringList() << 160 << strings({"empty@0:4"});
    QTest::newRow("exactly the limit") << "0123456789" << QStringList() << 10 << QStringList();
    QTest::newRow("one over the limit") << "0123456789X" << QStringList() << 10 << strings({"toolong@10:1"});
    QTest::newRow("no limit") << QString(5000, QLatin1Char('a')) << QStringList() << 0 << QStringList();
    // Sorted by position: the limit (3) comes before the stray closer (6).
    QTest::newRow("length among brace problems")
        << "Hello }}" << QStringList() << 3 << strings({"toolong@3:5", "unbalanced@6:2"});
    QTest::newRow("length after a placeholder")
        << "{{x}} 12345" << QStringList() << 6 << strings({"unknown@0:5", "toolong@6:5"});
    // Three emoji are six UTF-16 code units.
    QTest::newRow("emoji count two") << "😀😀😀" << QStringList() << 5 << strings({"toolong@5:1"});
}

void TestTemplateText::validate()
{
    QFETCH(QString, body);
    QFETCH(QStringList, declared);
    QFETCH(int, maxLength);
    QFETCH(QStringList, expected);
    const QList<Problem> problems = mhero::templates::validate(body, declared, maxLength);
    QCOMPARE(describe(problems), expected);
    for (const Problem& p : problems)
        QVERIFY2(!p.message.isEmpty(), qPrintable(describe({p}).constFirst()));
}

void TestTemplateText::problemsCarryNameAndMessage()
{
    const QList<Problem> problems
        = mhero::templates::validate(QStringLiteral("Code: {{ code }} {{Code}}"), QStringList(), 0);
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).kind, Problem::Kind::UnknownPlaceholder);
    QCOMPARE(problems.at(0).name, QStringLiteral("code"));
    QVERIFY(problems.at(0).message.contains(QStringLiteral("{{code}}")));
    QCOMPARE(problems.at(1).kind, Problem::Kind::BadPlaceholderName);
    QCOMPARE(problems.at(1).name, QStringLiteral("Code"));
    QVERIFY(problems.at(1).message.contains(QStringLiteral("Code")));
    const QList<Problem> tooLong = mhero::templates::validate(QStringLiteral("abcdef"), QStringList(), 4);
    QCOMPARE(tooLong.size(), 1);
    QVERIFY(tooLong.at(0).message.contains(QStringLiteral("6")));
    QVERIFY(tooLong.at(0).message.contains(QStringLiteral("4")));
}

void TestTemplateText::placeholders_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none") << "No placeholders {here}." << QStringList();
    QTest::newRow("first appearance, once") << "Dear {{given_name}}, {{ facility }} needs {{given_name}}'s {{code}}"
                                            << strings({"given_name", "facility", "code"});
    QTest::newRow("order of appearance") << "{{b}}{{a}}{{b}}" << strings({"b", "a"});
    QTest::newRow("malformed are not placeholders") << "{{Given}} {{1}} {{x {{{y}}} }} {{z" << QStringList();
    QTest::newRow("after an unclosed opener") << "{{a {{b}}" << strings({"b"});
}

void TestTemplateText::placeholders()
{
    QFETCH(QString, body);
    QFETCH(QStringList, expected);
    QCOMPARE(mhero::templates::placeholders(body), expected);
}

void TestTemplateText::placeholderValuesInvertRender()
{
    using mhero::templates::placeholderValues;
    const QString body = QStringLiteral("Dear {{ given_name }}, your {{cadre}} licence (ref. {{code}}) expires on "
                                        "{{date}}. Questions? Reply, {{given_name}}.");
    const QHash<QString, QString> values{{QStringLiteral("given_name"), QStringLiteral("Mary (Ann)")},
                                         {QStringLiteral("cadre"), QStringLiteral("nurse.midwife")},
                                         {QStringLiteral("code"), QStringLiteral("A-1*2")},
                                         {QStringLiteral("date"), QStringLiteral("3 Jan\n2027")}};
    const auto back = placeholderValues(body, mhero::templates::render(body, values).text);
    QVERIFY(back.has_value());
    QCOMPARE(*back, values);
    // Regex characters in the fixed words are words, not patterns.
    QCOMPARE(placeholderValues(QStringLiteral("[x] {{a}}?"), QStringLiteral("[x] 42?"))->value(QStringLiteral("a")),
             QStringLiteral("42"));
    QVERIFY(placeholderValues(QStringLiteral("no placeholders"), QStringLiteral("no placeholders"))->isEmpty());
}

void TestTemplateText::placeholderValuesRefuseWhatDoesNotFollow()
{
    using mhero::templates::placeholderValues;
    // The fixed words changed.
    QVERIFY(!placeholderValues(QStringLiteral("Hello {{a}}, welcome"), QStringLiteral("Hi Bo, welcome")));
    // A repeated placeholder with two values.
    QVERIFY(!placeholderValues(QStringLiteral("{{a}} and {{a}}"), QStringLiteral("x and y")));
    // An empty value is no value (WhatsApp refuses empty parameters too).
    QVERIFY(!placeholderValues(QStringLiteral("Hello {{a}}!"), QStringLiteral("Hello !")));
    // Side by side: no telling where one ends.
    QVERIFY(!placeholderValues(QStringLiteral("{{a}}{{b}}"), QStringLiteral("xy")));
    // "[x]" must not act as a character class.
    QVERIFY(!placeholderValues(QStringLiteral("[x] {{a}}"), QStringLiteral("x 42")));
}

void TestTemplateText::render_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("unfilled");
    QTest::addColumn<QList<int>>("spans"); // start, length, start, length…

    QTest::newRow("all filled") << "Dear {{given_name}} {{ family_name }}, your {{cadre}} post"
                                << valuesOf({{"given_name", "Mary"}, {"family_name", "Kollie"}, {"cadre", "midwife"}})
                                << "Dear Mary Kollie, your midwife post" << QStringList() << QList<int>();
    // "Dear Mary, call " is 16; "{{facility}}" 12.
    QTest::newRow("missing value") << "Dear {{given_name}}, call {{facility}}." << valuesOf({{"given_name", "Mary"}})
                                   << "Dear Mary, call {{facility}}." << strings({"facility"}) << QList<int>{16, 12};
    // Inner spaces dropped in the marker: "Hello " is 6; "{{given_name}}" 14.
    QTest::newRow("empty value") << "Hello {{ given_name }}!" << valuesOf({{"given_name", ""}})
                                 << "Hello {{given_name}}!" << strings({"given_name"}) << QList<int>{6, 14};
    QTest::newRow("blank value") << "Hello {{given_name}}!" << valuesOf({{"given_name", " \t"}})
                                 << "Hello {{given_name}}!" << strings({"given_name"}) << QList<int>{6, 14};
    // " / " is 3: the second marker starts at 8 + 3 = 11.
    QTest::newRow("each occurrence has a span") << "{{code}} / {{code}}" << valuesOf({}) << "{{code}} / {{code}}"
                                                << strings({"code"}) << QList<int>{0, 8, 11, 8};
    // Spans are in the rendered text: "Redemption Hospital" (19) + ": " (2) = 21.
    QTest::newRow("spans after a longer value")
        << "{{facility}}: {{code}}" << valuesOf({{"facility", "Redemption Hospital"}})
        << "Redemption Hospital: {{code}}" << strings({"code"}) << QList<int>{21, 8};
    QTest::newRow("unfilled in order of appearance") << "{{b}} {{a}} {{b}}" << valuesOf({}) << "{{b}} {{a}} {{b}}"
                                                     << strings({"b", "a"}) << QList<int>{0, 5, 6, 5, 12, 5};
    QTest::newRow("values are not expanded again")
        << "Hi {{given_name}}" << valuesOf({{"given_name", "{{family_name}}"}, {"family_name", "Kollie"}})
        << "Hi {{family_name}}" << QStringList() << QList<int>();
    QTest::newRow("malformed kept verbatim")
        << "{{ Given }} {given_name} {{{date}}} {{given_name" << valuesOf({{"given_name", "Mary"}, {"date", "today"}})
        << "{{ Given }} {given_name} {{{date}}} {{given_name" << QStringList() << QList<int>();
    // "Bonjour " 8 + "Zoé" 3 + " " 1 + emoji 2 + " " 1 = 15.
    QTest::newRow("non-ASCII before a span") << "Bonjour {{given_name}} 😀 {{code}}" << valuesOf({{"given_name", "Zoé"}})
                                             << "Bonjour Zoé 😀 {{code}}" << strings({"code"}) << QList<int>{15, 8};
    QTest::newRow("unused values ignored")
        << "Hello" << valuesOf({{"code", "42"}}) << "Hello" << QStringList() << QList<int>();
    QTest::newRow("empty body") << "" << valuesOf({}) << "" << QStringList() << QList<int>();
}

void TestTemplateText::render()
{
    QFETCH(QString, body);
    QFETCH(Values, values);
    QFETCH(QString, text);
    QFETCH(QStringList, unfilled);
    QFETCH(QList<int>, spans);
    const Rendered rendered = mhero::templates::render(body, values);
    QCOMPARE(rendered.text, text);
    QCOMPARE(rendered.unfilled, unfilled);
    QCOMPARE(rendered.complete(), unfilled.isEmpty());
    QList<int> actual;
    for (const Span& span : rendered.unfilledSpans) {
        actual << int(span.start) << int(span.length);
        // Each span covers a marker the UI can show as is.
        const QString marked = rendered.text.mid(span.start, span.length);
        QVERIFY2(marked.startsWith(QLatin1String("{{")) && marked.endsWith(QLatin1String("}}")), qPrintable(marked));
    }
    QCOMPARE(actual, spans);
}

void TestTemplateText::languageCode_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("code");
    QTest::newRow("bare") << "fr"
                          << "fr";
    QTest::newRow("region") << "fr-CD"
                            << "fr";
    QTest::newRow("underscore, upper case") << "PT_mz"
                                            << "pt";
    QTest::newRow("script and region") << "zh-Hant-TW"
                                       << "zh";
    QTest::newRow("three letters") << "kpe"
                                   << "kpe";
    QTest::newRow("spaces") << " en "
                            << "en";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("one letter") << "e"
                                << "";
    QTest::newRow("a word") << "French"
                            << "";
    QTest::newRow("digits") << "e1"
                            << "";
    QTest::newRow("accented") << "fé"
                              << "";
}

void TestTemplateText::languageCode()
{
    QFETCH(QString, tag);
    QFETCH(QString, code);
    QCOMPARE(mhero::templates::languageCode(tag), code);
}

void TestTemplateText::pickLanguage_data()
{
    QTest::addColumn<QStringList>("available");
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QStringList>("fallbacks");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");

    QTest::newRow("wanted") << strings({"en", "fr"}) << "fr" << QStringList() << ""
                            << "fr";
    QTest::newRow("region dropped") << strings({"en", "fr"}) << "fr-CD" << QStringList() << ""
                                    << "fr";
    QTest::newRow("case ignored") << strings({"EN", "Fr"}) << "FR_cd" << QStringList() << ""
                                  << "fr";
    QTest::newRow("wanted beats the worker's") << strings({"fr", "pt"}) << "pt-MZ" << strings({"fr"}) << ""
                                               << "pt";
    QTest::newRow("worker's language") << strings({"en", "pt"}) << "fr" << strings({"pt"}) << ""
                                       << "pt";
    QTest::newRow("fallbacks in order") << strings({"en", "pt", "fr"}) << "ln" << strings({"sw", "fr", "pt"}) << ""
                                        << "fr";
    QTest::newRow("invalid wanted skipped") << strings({"fr", "en"}) << "français" << strings({"fr"}) << ""
                                            << "fr";
    QTest::newRow("base before en") << strings({"en", "fr"}) << "ln" << strings({"sw"}) << "fr"
                                    << "fr";
    QTest::newRow("base with region") << strings({"en", "fr"}) << "" << QStringList() << "fr-GN"
                                      << "fr";
    QTest::newRow("base missing: en") << strings({"pt", "en"}) << "ln" << QStringList() << "fr"
                                      << "en";
    QTest::newRow("no base: en before the first") << strings({"pt", "en"}) << "ln" << QStringList() << ""
                                                  << "en";
    QTest::newRow("empty wanted: en") << strings({"fr", "en"}) << "" << QStringList() << ""
                                      << "en";
    QTest::newRow("last resort: first available") << strings({"pt", "fr"}) << "ln" << strings({"sw"}) << ""
                                                  << "pt";
    QTest::newRow("three-letter code") << strings({"en", "kpe"}) << "kpe" << QStringList() << ""
                                       << "kpe";
    QTest::newRow("available with regions") << strings({"pt-BR", "fr-CD"}) << "fr" << QStringList() << ""
                                            << "fr";
    QTest::newRow("invalid available skipped") << strings({"x", "French", "pt-BR"}) << "" << QStringList() << ""
                                               << "pt";
    QTest::newRow("nothing valid available") << strings({"", "french"}) << "fr" << QStringList() << ""
                                             << "";
    QTest::newRow("nothing available") << QStringList() << "en" << strings({"en"}) << "en"
                                       << "";
}

void TestTemplateText::pickLanguage()
{
    QFETCH(QStringList, available);
    QFETCH(QString, wanted);
    QFETCH(QStringList, fallbacks);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QCOMPARE(mhero::templates::pickLanguage(available, wanted, fallbacks, base), expected);
}

void TestTemplateText::builtinValuesInMessageLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dateText");
    // Wednesday 5 March 2025, in each language's long format (CLDR).
    QTest::newRow("en") << "en"
                        << "March 5, 2025";
    QTest::newRow("fr") << "fr"
                        << "5 mars 2025";
    QTest::newRow("fr-CD") << "fr-CD"
                           << "5 mars 2025";
    QTest::newRow("pt") << "pt"
                        << "5 de março de 2025";
}

void TestTemplateText::builtinValuesInMessageLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, dateText);
    const PersonFields person{QStringLiteral(" Mary "), QStringLiteral("Kollie"), QStringLiteral("Certified Midwife"),
                              QStringLiteral("Redemption Hospital"), QStringLiteral("Montserrado")};
    const QHash<QString, QString> v = builtinValues(person, QStringLiteral("Musu Doe "), QDate(2025, 3, 5), language);
    QCOMPARE(v.size(), 7);
    QCOMPARE(v.value(QStringLiteral("given_name")), QStringLiteral("Mary"));
    QCOMPARE(v.value(QStringLiteral("family_name")), QStringLiteral("Kollie"));
    QCOMPARE(v.value(QStringLiteral("cadre")), QStringLiteral("Certified Midwife"));
    QCOMPARE(v.value(QStringLiteral("facility")), QStringLiteral("Redemption Hospital"));
    QCOMPARE(v.value(QStringLiteral("district")), QStringLiteral("Montserrado"));
    QCOMPARE(v.value(QStringLiteral("agent_name")), QStringLiteral("Musu Doe"));
    const QString date = v.value(QStringLiteral("date"));
    QVERIFY2(date.contains(dateText), qPrintable(date));
}

void TestTemplateText::builtinValuesLeaveBlanksOut()
{
    const PersonFields person{QStringLiteral("Mary"), QStringLiteral("  "), QString(), QStringLiteral("JFK"),
                              QString()};
    const QHash<QString, QString> v = builtinValues(person, QString(), QDate(), QStringLiteral("en"));
    QStringList keys = v.keys();
    keys.sort();
    QCOMPARE(keys, strings({"facility", "given_name"}));
}

void TestTemplateText::builtinValuesRenderEndToEnd()
{
    const QString body
        = QStringLiteral("Bonjour {{given_name}} ({{cadre}}), {{agent_name}} du ministère, le {{date}}.");
    const PersonFields person{QStringLiteral("Zoé"), QStringLiteral("Kabila"), QString(), QString(), QString()};
    const Rendered r = mhero::templates::render(
        body, builtinValues(person, QStringLiteral("Jean"), QDate(2025, 3, 5), QStringLiteral("fr-CD")));
    QVERIFY2(r.text.startsWith(QStringLiteral("Bonjour Zoé ({{cadre}}), Jean du ministère, le ")), qPrintable(r.text));
    QVERIFY2(r.text.endsWith(QStringLiteral("5 mars 2025.")), qPrintable(r.text));
    QCOMPARE(r.unfilled, strings({"cadre"}));
    // "Bonjour Zoé (" is 13 characters; "{{cadre}}" 9.
    QCOMPARE(r.unfilledSpans, (QList<Span>{Span{13, 9}}));
}

// What the approver is warned about: a new version that rewrote one language and left others
// word for word as they were (white space around a body does not make it new).
void TestTemplateText::compareLanguagesFindsWhatWasLeftBehind()
{
    const QMap<QString, QString> inUse{{QStringLiteral("en"), QStringLiteral("Salaries were paid on Monday.")},
                                       {QStringLiteral("fr"), QStringLiteral("Les salaires ont été payés lundi.")},
                                       {QStringLiteral("pt"), QStringLiteral("Os salários foram pagos segunda.")}};
    QMap<QString, QString> next = inUse;
    next[QStringLiteral("en")] = QStringLiteral("Salaries will be paid on Friday.");
    next[QStringLiteral("pt")] += QStringLiteral("\n");
    LanguageChanges c = compareLanguages(inUse, next);
    QCOMPARE(c.changed, strings({"en"}));
    QCOMPARE(c.unchanged, strings({"fr", "pt"}));
    QVERIFY(c.added.isEmpty() && c.removed.isEmpty());
    QVERIFY(c.leftSomeBehind());

    // Every language rewritten: nothing left behind.
    next[QStringLiteral("fr")] = QStringLiteral("Les salaires seront payés vendredi.");
    next[QStringLiteral("pt")] = QStringLiteral("Os salários serão pagos sexta.");
    c = compareLanguages(inUse, next);
    QCOMPARE(c.changed, strings({"en", "fr", "pt"}));
    QVERIFY(!c.leftSomeBehind());

    // A language added and one dropped while the others stay: nothing was rewritten.
    QMap<QString, QString> added = inUse;
    added.remove(QStringLiteral("pt"));
    added.insert(QStringLiteral("sw"), QStringLiteral("Mishahara ililipwa Jumatatu."));
    c = compareLanguages(inUse, added);
    QCOMPARE(c.added, strings({"sw"}));
    QCOMPARE(c.removed, strings({"pt"}));
    QCOMPARE(c.unchanged, strings({"en", "fr"}));
    QVERIFY(!c.leftSomeBehind());

    // A first version: everything is new.
    c = compareLanguages({}, inUse);
    QCOMPARE(c.added, strings({"en", "fr", "pt"}));
    QVERIFY(!c.leftSomeBehind());
}

QTEST_GUILESS_MAIN(TestTemplateText)
#include "tst_templatetext.moc"
