#include "templates/TemplateDiff.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <vector>

namespace mhero::ui {

namespace {
QStringList tokens(const QString& text)
{
    static const QRegularExpression word(QStringLiteral("\\s+|[^\\s]+"));
    QStringList list;
    for (auto it = word.globalMatch(text); it.hasNext();)
        list << it.next().captured();
    return list;
}

QString html(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

const QLatin1StringView kDel{"<span style=\"background:#F8D7DA;color:#842029;text-decoration:line-through\">"};
const QLatin1StringView kIns{"<span style=\"background:#D1E7DD;color:#0F5132;font-weight:600\">"};
} // namespace

DiffSides wordDiff(const QString& before, const QString& after)
{
    const QStringList a = tokens(before);
    const QStringList b = tokens(after);
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Longest common subsequence, from the end, so the walk below goes forwards.
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a.at(i) == b.at(j)
                                            ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                            : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    DiffSides sides;
    QString removed;
    QString added;
    const auto flush = [&] {
        if (!removed.isEmpty())
            sides.left += kDel + html(removed) + QLatin1String("</span>");
        if (!added.isEmpty())
            sides.right += kIns + html(added) + QLatin1String("</span>");
        sides.changed = sides.changed || !removed.isEmpty() || !added.isEmpty();
        removed.clear();
        added.clear();
    };
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            flush();
            sides.left += html(a.at(i));
            sides.right += html(b.at(j));
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[size_t(i)][size_t(j + 1)] >= lcs[size_t(i + 1)][size_t(j)])) {
            added += b.at(j++);
        } else {
            removed += a.at(i++);
        }
    }
    flush();
    return sides;
}

QString versionDiffHtml(const QMap<QString, QString>& before, const QMap<QString, QString>& after,
                        const QString& leftTitle, const QString& rightTitle)
{
    QStringList languages = before.keys() + after.keys();
    languages.removeDuplicates();
    std::sort(languages.begin(), languages.end());
    const bool two = !leftTitle.isEmpty();
    QString out = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" style=\"border-collapse:collapse\">"
                                 "<tr style=\"background:#F1F4F3\"><th width=\"8%\"></th>");
    if (two)
        out += QStringLiteral("<th align=\"left\" width=\"46%\">%1</th>").arg(leftTitle.toHtmlEscaped());
    out += QStringLiteral("<th align=\"left\">%1</th></tr>").arg(rightTitle.toHtmlEscaped());
    for (const QString& language : std::as_const(languages)) {
        const QString none = QStringLiteral("<i style=\"color:#78909C\">%1</i>")
                                 .arg(QCoreApplication::translate("mhero::ui::TemplateDiff", "(no text)"));
        const DiffSides sides = wordDiff(before.value(language), after.value(language));
        out += QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td>").arg(language.toUpper());
        if (two)
            out += QStringLiteral("<td valign=\"top\" style=\"border-right:1px solid #D8DEDC\">%1</td>")
                       .arg(before.contains(language) ? sides.left : none);
        out += QStringLiteral("<td valign=\"top\">%1</td></tr>")
                   .arg(after.contains(language) ? (two ? sides.right : html(after.value(language))) : none);
    }
    return out + QStringLiteral("</table>");
}

} // namespace mhero::ui
