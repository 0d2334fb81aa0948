#pragma once

#include "suggest/Ranker.h"
#include "templates/TemplatePicker.h"

#include <QElapsedTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QToolButton;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// The suggested answers above the composer (docs/suggestions.md): the three approved templates
/// the ranker puts first for the latest inbound message, each with its confidence, Alt+1…3 (or a
/// click) putting it in the composer rendered for the person, as the picker does. When the ranker
/// abstains the strip says so and offers nothing: a wrong answer one keystroke away is worse than
/// none. The templates are loaded and indexed on the database thread, again on reload() and when a
/// new question comes more than 30 s after the last load (so approved examples count at once);
/// ranking is pure computation well under a millisecond, done on the GUI thread. What the agent
/// finally sends is recorded for the learning loop (recordSent()).
class SuggestionStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionStrip)

public:
    /// The Alt+1…3 shortcuts work while the focus is anywhere in @p shortcutScope.
    SuggestionStrip(Database& database, QWidget* shortcutScope, QWidget* parent = nullptr);

    /// Who the chosen template is rendered for, asked at the moment of choosing.
    void setRecipientProvider(std::function<TemplateRecipient()> provider) { m_recipient = std::move(provider); }
    /// The latest inbound message of the conversation shown (empty: none; the strip hides).
    void setQuestion(const QString& question);
    [[nodiscard]] QString question() const { return m_question; }
    /// Loads the approved templates again (after a template or an example was approved).
    void reload();

    /// The ranking shown: every matching template, best first.
    [[nodiscard]] const suggest::Ranking& ranking() const { return m_ranking; }
    [[nodiscard]] bool abstained() const { return m_ranking.abstained; }
    /// Template ids in ranking order, for the picker.
    [[nodiscard]] QList<qint64> rankedTemplateIds() const;
    /// Puts suggestion @p index (0…2) in the composer; false when there is none.
    bool choose(int index);
    /// The reply sent used template version @p versionId (0: free text): recorded with what was
    /// suggested, so a template chosen over the suggestions becomes a proposed example.
    void recordSent(qint64 versionId);

Q_SIGNALS:
    void templateChosen(const mhero::ui::PickedTemplate& chosen);
    /// The suggestions shown changed (tests wait for it).
    void suggestionsChanged();

private:
    void rank();

    Database& m_database;
    std::function<TemplateRecipient()> m_recipient;
    /// Built on the database thread (indexing 1,000 templates takes ~100 ms), then only read here.
    std::shared_ptr<const suggest::Ranker> m_ranker;
    QElapsedTimer m_loadedAt;
    bool m_loading = false;
    quint64 m_generation = 0;
    QString m_question;
    QString m_rankedQuestion; ///< the question m_ranking answers (the agent may reply after a newer one)
    suggest::Ranking m_ranking;
    QLabel* m_label = nullptr;
    QList<QToolButton*> m_buttons;
};

} // namespace mhero::ui
