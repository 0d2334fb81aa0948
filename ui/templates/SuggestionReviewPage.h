#pragma once

#include "suggest/SuggestStore.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// The supervisors' review of what the answer suggestion learnt from agents (docs/suggestions.md):
/// the example questions proposed when an agent sent another template than the first suggestion,
/// oldest first, each approved (the ranker uses it from the next load) or rejected; and a small
/// form to add a line to the lexicon. The database decides who may (supervisors) and audits each
/// decision; this page only calls the functions that do so, on the database thread.
class SuggestionReviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionReviewPage)

public:
    explicit SuggestionReviewPage(Database& database, QWidget* parent = nullptr);

    void refresh();
    [[nodiscard]] int proposalCount() const { return int(m_proposals.size()); }
    void approveCurrent();
    void rejectCurrent();
    void addLexiconLine();

Q_SIGNALS:
    /// The proposals were (re)loaded.
    void proposalsLoaded();
    /// A decision came back from the server.
    void decided(bool ok);
    /// The server answered a lexicon line.
    void lexiconAdded(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateButtons();
    void decide(bool approve);

    Database& m_database;
    QTableWidget* m_table = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QLabel* m_statusLine = nullptr;
    QLineEdit* m_concept = nullptr;
    QLineEdit* m_variants = nullptr;
    QPushButton* m_addLine = nullptr;
    QLabel* m_lexiconStatus = nullptr;
    QList<suggest::ProposedExample> m_proposals;
    QString m_lastDecision; ///< kept on the status line across reloads
    bool m_busy = false; ///< a decision is on its way: one at a time
};

} // namespace mhero::ui
