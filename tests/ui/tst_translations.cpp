// Every shipped language loads, and its translation file is complete: every string the sources
// ask for — under the context the program looks it up in — has a finished French and Portuguese
// translation (issue 17, day-one defect 2: queue ages looked up under one context and translated
// under another were shown in English).
#include "common/Translations.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace mhero::ui;

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyShippedLanguageLoads_data();
    void everyShippedLanguageLoads();
    void translationsAreComplete_data();
    void translationsAreComplete();
    void stringsAreLookedUpWhereTheyAreTranslated();
    void everySourceStringIsTranslated_data();
    void everySourceStringIsTranslated();

private:
    /// One message of a .ts file: context, source and disambiguation make its key.
    struct Message
    {
        QString where; ///< file:line, when the file has locations
        bool finished = false;
    };
    using Messages = QHash<QString, Message>;
    static QString key(const QString& context, const QString& source, const QString& comment)
    {
        return context + QLatin1String(" | ") + source
            + (comment.isEmpty() ? QString() : QLatin1String(" | ") + comment);
    }
    static Messages readTs(const QString& path);
    /// Runs lupdate over the translated sources once; its .ts and what it printed.
    bool extract();

    Messages m_extracted;
    QString m_lupdateOutput;
    bool m_extractedOnce = false;
};

TestTranslations::Messages TestTranslations::readTs(const QString& path)
{
    Messages messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context, source, comment, where, translationType;
    bool numerus = false, translated = false, allForms = true, inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                source.clear();
                comment.clear();
                where.clear();
                translated = false;
                allForms = true;
            } else if (name == QLatin1String("location") && where.isEmpty()) {
                where = xml.attributes().value(QLatin1String("filename")).toString() + QLatin1Char(':')
                    + xml.attributes().value(QLatin1String("line")).toString();
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                comment = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                translationType = xml.attributes().value(QLatin1String("type")).toString();
                if (!numerus)
                    translated = !xml.readElementText().isEmpty();
            } else if (name == QLatin1String("numerusform")) {
                allForms = allForms && !xml.readElementText().isEmpty();
                translated = allForms;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            // "unfinished" is not shown by the program; "vanished" and "obsolete" are not in the .qm.
            const bool finished = translated && translationType.isEmpty();
            messages.insert(key(context, source, comment), Message{where, finished});
        }
    }
    return messages;
}

bool TestTranslations::extract()
{
    if (m_extractedOnce)
        return !m_extracted.isEmpty();
    m_extractedOnce = true;
    QTemporaryDir dir;
    if (!dir.isValid())
        return false;
    const QString ts = dir.filePath(QStringLiteral("extracted.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(MHERO_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("absolute"), QStringLiteral("@" MHERO_LUPDATE_SOURCES),
                   QStringLiteral("-ts"), ts});
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0) {
        qWarning() << "lupdate failed:" << lupdate.readAll();
        return false;
    }
    m_lupdateOutput = QString::fromUtf8(lupdate.readAll());
    m_extracted = readTs(ts);
    return !m_extracted.isEmpty();
}

// A tr() outside a Q_OBJECT class (a free function, a plain struct) is a local helper that calls
// QCoreApplication::translate with a context of its own; lupdate files the string under the
// enclosing namespace or struct instead, and says so ("Class 'X' lacks Q_OBJECT macro"). Unless
// the helper's context is that same X, the translation exists and is never found. Other lupdate
// complaints about our sources mean it guessed a context too.
void TestTranslations::stringsAreLookedUpWhereTheyAreTranslated()
{
    QVERIFY2(extract(), "lupdate found no strings");
    static const QRegularExpression lacks(QStringLiteral("^(.+):(\\d+): Class '([^']+)' lacks Q_OBJECT macro$"),
                                          QRegularExpression::MultilineOption);
    static const QRegularExpression warning(QStringLiteral("^(.+):(\\d+): (.+)$"), QRegularExpression::MultilineOption);
    QStringList problems;
    int helpers = 0;
    auto it = warning.globalMatch(m_lupdateOutput);
    while (it.hasNext()) {
        const QRegularExpressionMatch w = it.next();
        if (!w.captured(1).startsWith(QLatin1String(MHERO_SOURCE_DIR "/")))
            continue; // Qt's and other libraries' headers
        const QRegularExpressionMatch l = lacks.match(w.captured(0));
        if (!l.hasMatch()) {
            problems << w.captured(0);
            continue;
        }
        ++helpers;
        QFile file(l.captured(1));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString code = QString::fromUtf8(file.readAll());
        const QString context = l.captured(3);
        if (!code.contains(QStringLiteral("translate(\"%1\", text").arg(context)))
            problems << QStringLiteral("%1:%2: tr() here is translated under \"%3\", but the file's tr helper does not "
                                       "look strings up there")
                            .arg(l.captured(1), l.captured(2), context);
    }
    QVERIFY2(helpers > 5, "lupdate reported no tr helper at all: the check would see nothing");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::everySourceStringIsTranslated_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("fr") << "fr";
    QTest::newRow("pt") << "pt";
}

// What lupdate finds in the sources today — context, text, disambiguation — against the shipped
// file: a string added to the code but not to the .ts (lupdate not run), or added and not
// translated, is shown in English. (`cmake --build <dir> --target update_translations`, then
// translate.)
void TestTranslations::everySourceStringIsTranslated()
{
    QFETCH(QString, code);
    QVERIFY2(extract(), "lupdate found no strings");
    QVERIFY(m_extracted.size() > 500);
    const Messages shipped = readTs(QStringLiteral(MHERO_SOURCE_DIR "/translations/mhero_%1.ts").arg(code));
    QVERIFY(!shipped.isEmpty());
    QStringList missing;
    for (auto it = m_extracted.cbegin(); it != m_extracted.cend(); ++it) {
        const auto found = shipped.constFind(it.key());
        if (found == shipped.cend())
            missing << QStringLiteral("not in the file: %1 (%2)").arg(it.key(), it->where);
        else if (!found->finished)
            missing << QStringLiteral("not translated: %1 (%2)").arg(it.key(), it->where);
    }
    missing.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) would show in English:\n%2")
                            .arg(missing.size())
                            .arg(missing.mid(0, 15).join(QLatin1Char('\n')))));
}

void TestTranslations::everyShippedLanguageLoads_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("signIn");
    QTest::newRow("en") << "en"
                        << "Sign in";
    QTest::newRow("fr") << "fr"
                        << "Se connecter";
    QTest::newRow("pt") << "pt"
                        << "Entrar";
}

void TestTranslations::everyShippedLanguageLoads()
{
    QFETCH(QString, code);
    QFETCH(QString, signIn);
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/mhero_%1.qm").arg(code)), qPrintable(code));
    QCOMPARE(translator.language(), code);
    const QString translated = translator.translate("mhero::ui::SignInDialog", "Sign in");
    QCOMPARE(translated.isEmpty() ? QStringLiteral("Sign in") : translated, signIn);
    bool listed = false;
    for (const Language& language : shippedLanguages())
        listed = listed || language.code == code;
    QVERIFY(listed);
}

void TestTranslations::translationsAreComplete_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("en") << "en";
    QTest::newRow("fr") << "fr";
    QTest::newRow("pt") << "pt";
}

void TestTranslations::translationsAreComplete()
{
    QFETCH(QString, code);
    QFile file(QStringLiteral(MHERO_SOURCE_DIR "/translations/mhero_%1.ts").arg(code));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString ts = QString::fromUtf8(file.readAll());
    const int messages = int(ts.count(QLatin1String("<message")));
    QVERIFY2(messages > 50, "lupdate has not been run");
    // English is the source language: only its plural forms need translating.
    const QString messageStart
        = code == QLatin1String("en") ? QStringLiteral("<message numerus=\"yes\">\\s*") : QString();
    const QRegularExpression unfinished(messageStart
                                        + QStringLiteral("<source>([^<]*)</source>\\s*(?:<comment>[^<]*</comment>\\s*)?"
                                                         "<translation type=\"unfinished\""));
    auto it = unfinished.globalMatch(ts);
    QStringList missing;
    while (it.hasNext())
        missing << it.next().captured(1);
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 untranslated: %2")
                            .arg(missing.size())
                            .arg(missing.mid(0, 10).join(QLatin1String(" | ")))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
