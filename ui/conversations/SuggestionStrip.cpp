#include "conversations/SuggestionStrip.h"

#include "db/Database.h"
#include "suggest/SuggestStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QToolButton>

namespace mhero::ui {

SuggestionStrip::SuggestionStrip(Database& database, QWidget* shortcutScope, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("suggestionStrip"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 8, 2);
    m_label = new QLabel;
    m_label->setObjectName(QStringLiteral("suggestionLabel"));
    m_label->setStyleSheet(QStringLiteral("color: #607D8B"));
    layout->addWidget(m_label);
    for (int i = 0; i < 3; ++i) {
        auto* button = new QToolButton;
        button->setObjectName(QStringLiteral("suggestion%1").arg(i + 1));
        button->setAutoRaise(true);
        button->hide();
        connect(button, &QToolButton::clicked, this, [this, i] { choose(i); });
        layout->addWidget(button);
        m_buttons.append(button);
        auto* shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), shortcutScope);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, i] { choose(i); });
    }
    layout->addStretch(1);
    hide();
    reload();
}

void SuggestionStrip::reload()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_database.run(
        this, [](QSqlDatabase& db) { return suggest::loadRanker(db); },
        [this, generation](const Result<std::shared_ptr<const suggest::Ranker>>& ranker) {
            if (generation != m_generation)
                return;
            m_loading = false;
            m_loadedAt.start();
            if (!ranker) {
                // Suggestions are a help, not a duty: the picker still works. Say why there are none.
                m_label->setText(tr("No suggestions: %1").arg(ranker.error().message));
                return;
            }
            m_ranker = *ranker;
            rank();
        });
}

void SuggestionStrip::setQuestion(const QString& question)
{
    if (question == m_question && m_rankedQuestion == question)
        return;
    m_question = question;
    if (!m_loading && m_loadedAt.isValid() && m_loadedAt.hasExpired(30000))
        reload(); // ranks when loaded
    else
        rank();
}

void SuggestionStrip::rank()
{
    if (!m_ranker)
        return;
    m_rankedQuestion = m_question;
    m_ranking = m_question.trimmed().isEmpty() ? suggest::Ranking{} : m_ranker->rank(m_question);
    for (int i = 0; i < m_buttons.size(); ++i) {
        const bool shown = !m_ranking.abstained && i < m_ranking.suggestions.size();
        m_buttons.at(i)->setVisible(shown);
        if (!shown)
            continue;
        const suggest::Suggestion& s = m_ranking.suggestions.at(i);
        m_buttons.at(i)->setText(tr("Alt+%1  %2 (%3%)")
                                     .arg(i + 1)
                                     .arg(m_ranker->candidates().at(s.index).name)
                                     .arg(qRound(s.confidence * 100)));
        m_buttons.at(i)->setToolTip(tr("Put this approved answer in the composer"));
    }
    m_label->setText(m_ranking.abstained ? tr("No suggested answer for this message.") : tr("Suggested:"));
    setVisible(!m_question.trimmed().isEmpty());
    Q_EMIT suggestionsChanged();
}

QList<qint64> SuggestionStrip::rankedTemplateIds() const
{
    QList<qint64> ids;
    for (const suggest::Suggestion& s : m_ranking.suggestions)
        ids.append(m_ranker->candidates().at(s.index).templateId);
    return ids;
}

bool SuggestionStrip::choose(int index)
{
    if (m_ranking.abstained || index < 0 || index >= std::min<qsizetype>(3, m_ranking.suggestions.size()))
        return false;
    const suggest::Candidate& candidate = m_ranker->candidates().at(m_ranking.suggestions.at(index).index);
    templates::ApprovedTemplate item;
    item.templateId = candidate.templateId;
    item.versionId = candidate.versionId;
    item.name = candidate.name;
    item.category = candidate.category;
    item.tags = candidate.tags;
    item.bodies = candidate.bodies;
    Q_EMIT templateChosen(TemplatePicker::render(item, m_recipient ? m_recipient() : TemplateRecipient{}));
    return true;
}

void SuggestionStrip::recordSent(qint64 versionId)
{
    if (versionId <= 0 || m_rankedQuestion.trimmed().isEmpty() || !m_ranker)
        return;
    qint64 chosen = 0;
    for (const suggest::Candidate& candidate : m_ranker->candidates())
        if (candidate.versionId == versionId)
            chosen = candidate.templateId;
    if (chosen == 0)
        return;
    QList<qint64> suggested;
    if (!m_ranking.abstained)
        suggested = rankedTemplateIds().mid(0, 3);
    const QString question = m_rankedQuestion.left(500);
    // Fire and forget: a failure to learn must not disturb the agent; the reply is already queued.
    m_database.run(
        this,
        [question, suggested, chosen](QSqlDatabase& db) {
            return suggest::recordChoice(db, question, suggested, chosen);
        },
        [](const Result<qint64>&) {});
}

} // namespace mhero::ui
