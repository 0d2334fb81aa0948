#pragma once

#include <QMap>
#include <QString>

namespace mhero::ui {

/// Word-level comparison of template wording, rendered as HTML for a QTextBrowser: what the
/// approver reads before deciding, and what changed between two versions in the history.
struct DiffSides
{
    QString left; ///< the old text, deletions marked
    QString right; ///< the new text, insertions marked
    bool changed = false;
};

/// Compares @p before and @p after word by word (white space kept), HTML-escaped.
[[nodiscard]] DiffSides wordDiff(const QString& before, const QString& after);

/// A two-column table, one row per language present in either version; @p leftTitle may be empty
/// when there is nothing to compare with (a first version), and then only the right side shows.
[[nodiscard]] QString versionDiffHtml(const QMap<QString, QString>& before, const QMap<QString, QString>& after,
                                      const QString& leftTitle, const QString& rightTitle);

} // namespace mhero::ui
