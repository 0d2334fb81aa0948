#include "templates/SuggestionReviewPage.h"

#include "common/LiveRefresh.h"
#include "common/PageParts.h"
#include "db/Database.h"
#include "db/Notifications.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mhero::ui {

SuggestionReviewPage::SuggestionReviewPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(pageTitle(tr("Suggestion review")));
    layout->addWidget(
        mutedLabel(tr("Questions agents answered with another template than the first suggestion, oldest first. "
                      "Approving one makes it an example question of that template: the suggestions use it from "
                      "their next load. The template's approved wording does not change.")));

    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("proposalTable"));
    m_table->setHorizontalHeaderLabels({tr("Question"), tr("Template chosen"), tr("When"), tr("By")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    auto* decision = new QHBoxLayout;
    m_statusLine = mutedLabel();
    m_statusLine->setObjectName(QStringLiteral("proposalStatus"));
    m_reject = new QPushButton(tr("Reject"));
    m_reject->setObjectName(QStringLiteral("rejectProposalButton"));
    m_approve = new QPushButton(tr("Approve as example"));
    m_approve->setObjectName(QStringLiteral("approveProposalButton"));
    m_approve->setStyleSheet(QStringLiteral("QPushButton { background: #0B6E4F; color: white; padding: 5px 14px; "
                                            "border-radius: 4px; } QPushButton:disabled { background: #B0BEC5; }"));
    decision->addWidget(m_statusLine, 1);
    decision->addWidget(m_reject);
    decision->addWidget(m_approve);
    layout->addLayout(decision);

    auto* lexicon = new QGroupBox(tr("Add to the lexicon"));
    auto* form = new QFormLayout(lexicon);
    form->addRow(mutedLabel(tr("Words and phrases that mean the same to health workers, for every template. "
                               "The concept is lower-case letters, digits and _ (or _stop for words to ignore); "
                               "the variants are separated by |.")));
    m_concept = new QLineEdit;
    m_concept->setObjectName(QStringLiteral("lexiconConcept"));
    m_concept->setPlaceholderText(tr("e.g. fuel"));
    m_variants = new QLineEdit;
    m_variants->setObjectName(QStringLiteral("lexiconVariants"));
    m_variants->setPlaceholderText(tr("e.g. fuel | petrol | gasoil"));
    m_addLine = new QPushButton(tr("Add line"));
    m_addLine->setObjectName(QStringLiteral("addLexiconButton"));
    auto* variantsRow = new QHBoxLayout;
    variantsRow->addWidget(m_variants, 1);
    variantsRow->addWidget(m_addLine);
    form->addRow(tr("Concept"), m_concept);
    form->addRow(tr("Variants"), variantsRow);
    m_lexiconStatus = mutedLabel();
    m_lexiconStatus->setObjectName(QStringLiteral("lexiconStatus"));
    form->addRow(m_lexiconStatus);
    layout->addWidget(lexicon);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SuggestionReviewPage::updateButtons);
    connect(m_approve, &QPushButton::clicked, this, &SuggestionReviewPage::approveCurrent);
    connect(m_reject, &QPushButton::clicked, this, &SuggestionReviewPage::rejectCurrent);
    connect(m_addLine, &QPushButton::clicked, this, &SuggestionReviewPage::addLexiconLine);
    connect(m_variants, &QLineEdit::returnPressed, this, &SuggestionReviewPage::addLexiconLine);
    connect(&database, &Database::reconnected, this, &SuggestionReviewPage::refresh);
    // Every decision is audited: another supervisor's shows here as it happens. A new proposal
    // notifies nobody, so the list is also reloaded each time the page is shown (and not before:
    // a page nobody opens costs no query).
    new LiveRefresh(database, {QString(notify::kAudit)}, this, [this] { refresh(); });
}

void SuggestionReviewPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

void SuggestionReviewPage::refresh()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return suggest::proposedExamples(db); },
        [this](const Result<QList<suggest::ProposedExample>>& proposals) {
            if (!proposals) {
                m_statusLine->setText(tr("The proposals could not be loaded: %1").arg(proposals.error().message));
                return;
            }
            const int row = m_table->currentRow();
            const qint64 keep = row >= 0 && row < m_proposals.size() ? m_proposals.at(row).id : 0;
            m_proposals = *proposals;
            const QSignalBlocker blocker(m_table);
            m_table->clearContents();
            m_table->setRowCount(int(m_proposals.size()));
            int select = 0;
            for (int i = 0; i < m_proposals.size(); ++i) {
                const suggest::ProposedExample& p = m_proposals.at(i);
                auto* question = new QTableWidgetItem(p.question);
                question->setToolTip(p.question);
                m_table->setItem(i, 0, question);
                m_table->setItem(i, 1, new QTableWidgetItem(p.templateName));
                m_table->setItem(
                    i, 2, new QTableWidgetItem(QLocale().toString(p.proposedAt.toLocalTime(), QLocale::ShortFormat)));
                m_table->setItem(i, 3, new QTableWidgetItem(p.proposedBy));
                if (p.id == keep)
                    select = i;
            }
            if (!m_proposals.isEmpty())
                m_table->selectRow(select);
            updateButtons();
            const QString waiting = m_proposals.isEmpty()
                ? tr("No proposed example questions.")
                : tr("%n proposal(s) waiting", nullptr, int(m_proposals.size()));
            m_statusLine->setText(m_lastDecision.isEmpty() ? waiting
                                                           : m_lastDecision + QStringLiteral(" · ") + waiting);
            Q_EMIT proposalsLoaded();
        });
}

void SuggestionReviewPage::updateButtons()
{
    const int row = m_table->currentRow();
    const bool has = !m_busy && row >= 0 && row < m_proposals.size() && m_table->selectionModel()->hasSelection();
    m_approve->setEnabled(has);
    m_reject->setEnabled(has);
}

void SuggestionReviewPage::approveCurrent()
{
    decide(true);
}

void SuggestionReviewPage::rejectCurrent()
{
    decide(false);
}

void SuggestionReviewPage::decide(bool approve)
{
    const int row = m_table->currentRow();
    if (m_busy || row < 0 || row >= m_proposals.size())
        return;
    const suggest::ProposedExample proposal = m_proposals.at(row);
    m_busy = true;
    updateButtons();
    m_database.run(
        this, [id = proposal.id, approve](QSqlDatabase& db) { return suggest::decideExample(db, id, approve); },
        [this, approve, proposal](const Status& status) {
            m_busy = false;
            if (!status) {
                m_statusLine->setText(tr("Refused: %1").arg(status.error().message));
                updateButtons();
                Q_EMIT decided(false);
                return;
            }
            m_lastDecision = approve
                ? tr("\"%1\" approved as an example of \"%2\".").arg(proposal.question, proposal.templateName)
                : tr("\"%1\" rejected.").arg(proposal.question);
            m_statusLine->setText(m_lastDecision);
            refresh();
            Q_EMIT decided(true);
        });
}

void SuggestionReviewPage::addLexiconLine()
{
    const QString meaning = m_concept->text().trimmed();
    const QString variants = m_variants->text().trimmed();
    if (meaning.isEmpty() || variants.isEmpty()) {
        m_lexiconStatus->setText(tr("Type a concept and its variants, separated by |."));
        (meaning.isEmpty() ? m_concept : m_variants)->setFocus();
        return;
    }
    m_addLine->setEnabled(false);
    m_database.run(
        this, [meaning, variants](QSqlDatabase& db) { return suggest::addLexiconLine(db, meaning, variants); },
        [this, meaning](const Result<qint64>& line) {
            m_addLine->setEnabled(true);
            if (!line) {
                m_lexiconStatus->setText(tr("Refused: %1").arg(line.error().message));
                Q_EMIT lexiconAdded(false);
                return;
            }
            m_lexiconStatus->setText(tr("Added to \"%1\": the suggestions use it from their next load.").arg(meaning));
            m_concept->clear();
            m_variants->clear();
            Q_EMIT lexiconAdded(true);
        });
}

} // namespace mhero::ui
