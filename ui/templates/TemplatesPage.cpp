#include "templates/TemplatesPage.h"

#include "common/LiveRefresh.h"
#include "common/PageParts.h"
#include "db/Database.h"
#include "db/Notifications.h"
#include "templates/SmsSegments.h"
#include "templates/TemplateDiff.h"
#include "templates/TemplatePicker.h"
#include "templates/TemplateText.h"
#include "templates/TemplatesModel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mhero::ui {

using namespace mhero::templates;

namespace {
QStringList splitList(const QString& text, QChar separator)
{
    QStringList list;
    for (const QString& part : text.split(separator, Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            list << part.trimmed();
    return list;
}

/// The health worker the preview is rendered for.
PersonFields samplePerson()
{
    return {QStringLiteral("Musu"), QStringLiteral("Kollie"), QStringLiteral("Certified Midwife"),
            QStringLiteral("Phebe Hospital"), QStringLiteral("Jorquelleh")};
}
} // namespace

QStringList TemplatesPage::editorLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("pt")};
}

TemplatesPage::TemplatesPage(Database& database, Access access, const QString& agentName, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_canEdit(access != Access::Read)
    , m_canRetire(access == Access::Approve)
    , m_agentName(agentName)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(pageTitle(tr("Templates")));

    auto* top = new QHBoxLayout;
    m_search = searchField(QStringLiteral("templateSearch"), tr("Name, tag or text…"));
    top->addWidget(m_search, 1);
    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("templateStatusFilter"));
    m_statusFilter->addItem(tr("All statuses"), QString());
    for (const char* status : {"draft", "submitted", "approved", "rejected", "retired"})
        m_statusFilter->addItem(statusLabel(QString::fromLatin1(status)), QString::fromLatin1(status));
    top->addWidget(m_statusFilter);
    if (m_canEdit) {
        auto* create = new QPushButton(tr("New template"));
        create->setObjectName(QStringLiteral("newTemplateButton"));
        connect(create, &QPushButton::clicked, this, &TemplatesPage::startNewTemplate);
        top->addWidget(create);
    }
    layout->addLayout(top);

    m_model = new TemplatesModel(this);
    m_table = recordTable(QStringLiteral("templateTable"), m_model);
    m_table->setItemDelegateForColumn(TemplatesModel::LanguagesColumn,
                                      new LanguageChipsDelegate(editorLanguages(), m_table));
    m_table->horizontalHeader()->setSectionResizeMode(TemplatesModel::NameColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(TemplatesModel::CategoryColumn, 115);
    m_table->setColumnWidth(TemplatesModel::StatusColumn, 125);
    m_table->setColumnWidth(TemplatesModel::LanguagesColumn, 110);
    m_table->horizontalHeader()->setSectionResizeMode(TemplatesModel::ChangedColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);

    // ---- the editor --------------------------------------------------------------------------
    auto* editor = new QWidget;
    auto* editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("templateName"));
    m_category = new QComboBox;
    m_category->setObjectName(QStringLiteral("templateCategory"));
    for (const QString& category : categories())
        m_category->addItem(categoryLabel(category), category);
    m_tags = new QLineEdit;
    m_tags->setObjectName(QStringLiteral("templateTags"));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. salary, payroll"));
    m_free = new QLineEdit;
    m_free->setObjectName(QStringLiteral("templateFreePlaceholders"));
    m_free->setPlaceholderText(tr("Names the agent fills in, e.g. code, deadline"));
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Category"), m_category);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(tr("Free placeholders"), m_free);
    // The pre-approved WhatsApp template this wording matches (Meta approves WhatsApp templates
    // separately; outside the 24-hour window only those can open a conversation).
    auto* whatsapp = new QHBoxLayout;
    m_whatsappName = new QLineEdit;
    m_whatsappName->setObjectName(QStringLiteral("templateWhatsappName"));
    m_whatsappName->setPlaceholderText(tr("Name, e.g. salary_paid_notice"));
    m_whatsappName->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z0-9_]{0,512}")),
                                                                 m_whatsappName));
    m_whatsappLanguage = new QLineEdit;
    m_whatsappLanguage->setObjectName(QStringLiteral("templateWhatsappLanguage"));
    m_whatsappLanguage->setPlaceholderText(tr("Language, e.g. en_US"));
    m_whatsappLanguage->setMaximumWidth(130);
    m_whatsappLanguage->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z]{2,3}(_[A-Z]{2})?")), m_whatsappLanguage));
    const QString whatsappHelp = tr("The WhatsApp template Meta approved for this wording, and its language code. "
                                    "Leave both empty when there is none.");
    m_whatsappName->setToolTip(whatsappHelp);
    m_whatsappLanguage->setToolTip(whatsappHelp);
    whatsapp->addWidget(m_whatsappName, 1);
    whatsapp->addWidget(m_whatsappLanguage);
    form->addRow(tr("WhatsApp template"), whatsapp);
    editorLayout->addLayout(form);
    m_versionLine = mutedLabel();
    m_versionLine->setObjectName(QStringLiteral("templateVersionLine"));
    editorLayout->addWidget(m_versionLine);

    m_bodyTabs = new QTabWidget;
    m_bodyTabs->setObjectName(QStringLiteral("templateBodyTabs"));
    for (const QString& language : editorLanguages()) {
        BodyTab tab;
        tab.language = language;
        auto* page = new QWidget;
        auto* pageLayout = new QVBoxLayout(page);
        tab.editor = new QPlainTextEdit;
        tab.editor->setObjectName(QStringLiteral("templateBody_") + language);
        tab.editor->setPlaceholderText(tr("Wording in this language, with placeholders such as {{given_name}}"));
        tab.editor->setTabChangesFocus(true);
        tab.editor->setMinimumHeight(90);
        tab.problems = new QLabel;
        tab.problems->setObjectName(QStringLiteral("templateProblems_") + language);
        tab.problems->setWordWrap(true);
        tab.problems->setStyleSheet(QStringLiteral("color: #B02A37"));
        tab.sms = mutedLabel();
        tab.sms->setWordWrap(false);
        tab.sms->setToolTip(tr("GSM-7: 160 characters in one SMS, 153 per part when split; UCS-2 (any character "
                               "outside GSM-7, e.g. an emoji): 70 and 67."));
        tab.sms->setObjectName(QStringLiteral("templateSms_") + language);
        tab.preview = new QTextBrowser;
        tab.preview->setObjectName(QStringLiteral("templatePreview_") + language);
        tab.preview->setMaximumHeight(110);
        pageLayout->addWidget(tab.editor, 2);
        pageLayout->addWidget(tab.problems);
        pageLayout->addWidget(tab.sms);
        auto* previewLabel = new QLabel(tr("Preview for a sample health worker (Musu Kollie, Certified Midwife, "
                                           "Phebe Hospital):"));
        previewLabel->setWordWrap(true);
        pageLayout->addWidget(previewLabel);
        pageLayout->addWidget(tab.preview, 1);
        m_bodyTabs->addTab(page, language.toUpper());
        m_bodies << tab;
    }
    editorLayout->addWidget(m_bodyTabs, 1);
    for (int i = 0; i < m_bodies.size(); ++i)
        connect(m_bodies[i].editor, &QPlainTextEdit::textChanged, this, [this, i] { validate(m_bodies[i]); });
    connect(m_free, &QLineEdit::textChanged, this, [this] {
        for (BodyTab& tab : m_bodies)
            validate(tab);
    });

    editorLayout->addWidget(new QLabel(tr("Example questions (one per line; used to suggest this template):")));
    m_questions = new QPlainTextEdit;
    m_questions->setObjectName(QStringLiteral("templateQuestions"));
    m_questions->setMaximumHeight(60);
    editorLayout->addWidget(m_questions);

    auto* buttons = new QHBoxLayout;
    m_saveButton = new QPushButton(tr("Save draft"));
    m_saveButton->setObjectName(QStringLiteral("saveDraftButton"));
    m_submitButton = new QPushButton(tr("Submit for approval"));
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setDefault(true);
    if (m_canRetire) {
        m_retireButton = new QPushButton(tr("Retire"));
        m_retireButton->setObjectName(QStringLiteral("retireButton"));
        m_retireButton->setToolTip(tr("Withdraw wording that must no longer be sent"));
        auto* menu = new QMenu(m_retireButton);
        m_retireVersionAction = menu->addAction(tr("Retire the approved version…"));
        m_retireVersionAction->setObjectName(QStringLiteral("retireVersionAction"));
        m_retireTemplateAction = menu->addAction(tr("Retire the whole template…"));
        m_retireTemplateAction->setObjectName(QStringLiteral("retireTemplateAction"));
        m_retireButton->setMenu(menu);
        connect(m_retireVersionAction, &QAction::triggered, this, [this] { confirmRetire(false); });
        connect(m_retireTemplateAction, &QAction::triggered, this, [this] { confirmRetire(true); });
        buttons->addWidget(m_retireButton);
    }
    buttons->addStretch(1);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_submitButton);
    editorLayout->addLayout(buttons);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(false); });
    connect(m_submitButton, &QPushButton::clicked, this, [this] { save(true); });
    if (!m_canEdit) {
        for (QLineEdit* line : {m_name, m_tags, m_free, m_whatsappName, m_whatsappLanguage})
            line->setReadOnly(true);
        m_category->setEnabled(false);
        m_questions->setReadOnly(true);
        for (BodyTab& tab : m_bodies)
            tab.editor->setReadOnly(true);
        m_saveButton->hide();
        m_submitButton->hide();
    }

    // ---- the history -------------------------------------------------------------------------
    auto* history = new QWidget;
    auto* historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto* pick = new QHBoxLayout;
    m_diffLeft = new QComboBox;
    m_diffLeft->setObjectName(QStringLiteral("diffLeft"));
    m_diffRight = new QComboBox;
    m_diffRight->setObjectName(QStringLiteral("diffRight"));
    pick->addWidget(new QLabel(tr("Compare")));
    pick->addWidget(m_diffLeft, 1);
    pick->addWidget(new QLabel(tr("with")));
    pick->addWidget(m_diffRight, 1);
    historyLayout->addLayout(pick);
    m_diff = new QTextBrowser;
    m_diff->setObjectName(QStringLiteral("templateDiff"));
    historyLayout->addWidget(m_diff, 1);
    connect(m_diffLeft, &QComboBox::currentIndexChanged, this, &TemplatesPage::updateDiff);
    connect(m_diffRight, &QComboBox::currentIndexChanged, this, &TemplatesPage::updateDiff);

    m_sideTabs = new QTabWidget;
    m_sideTabs->setObjectName(QStringLiteral("templateSideTabs"));
    m_sideTabs->addTab(editor, m_canEdit ? tr("Edit") : tr("Wording"));
    m_sideTabs->addTab(history, tr("History"));
    m_sideTabs->setMinimumWidth(460);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_table);
    splitter->addWidget(m_sideTabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({700, 520}); // the list needs room for names; the editor wraps
    layout->addWidget(splitter, 1);

    m_statusLine = mutedLabel();
    m_statusLine->setObjectName(QStringLiteral("templateStatus"));
    layout->addWidget(m_statusLine);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(150);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this, &TemplatesPage::refresh);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &TemplatesPage::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TemplatesPage::loadSelected);
    connect(&database, &Database::reconnected, this, &TemplatesPage::refresh);
    // Statuses change at other consoles (a version approved, rejected, retired): the list follows.
    new LiveRefresh(database, {QString(notify::kTemplate)}, this, [this] { refresh(); });

    m_database.run(
        this, [](QSqlDatabase& db) { return maxBodyChars(db); },
        [this](const Result<int>& limit) {
            if (limit)
                m_maxChars = *limit;
        });
    startNewTemplate();
    refresh();
}

void TemplatesPage::setStatus(const QString& text, bool error)
{
    m_statusLine->setStyleSheet(error ? QStringLiteral("color: #B02A37") : QString());
    m_statusLine->setText(text);
}

void TemplatesPage::refresh()
{
    const TemplateFilter filter{m_search->text(), m_statusFilter->currentData().toString()};
    m_database.run(
        this, [filter](QSqlDatabase& db) { return listTemplates(db, filter); },
        [this](const Result<QList<TemplateSummary>>& list) {
            if (!list) {
                setStatus(tr("The templates could not be loaded: %1").arg(list.error().message), true);
                return;
            }
            const qint64 keep = m_templateId;
            const QSignalBlocker blocker(m_table->selectionModel());
            m_model->setTemplates(*list);
            int row = m_model->rowOf(keep);
            if (!m_pendingSelection.isEmpty())
                for (int r = 0; r < m_model->rowCount(); ++r)
                    if (m_model->at(r).name == m_pendingSelection)
                        row = r;
            if (row >= 0)
                m_table->selectRow(row);
            if (!m_pendingSelection.isEmpty() && row >= 0) {
                m_pendingSelection.clear();
                loadSelected();
            }
            if (m_statusLine->text().isEmpty() || !m_statusLine->styleSheet().isEmpty())
                setStatus(tr("%n template(s)", nullptr, int(list->size())));
        });
}

void TemplatesPage::selectTemplate(const QString& name)
{
    m_pendingSelection = name;
    refresh();
}

void TemplatesPage::startNewTemplate()
{
    m_templateId = 0;
    m_details = {};
    m_table->clearSelection();
    m_name->clear();
    m_category->setCurrentIndex(0);
    m_tags->clear();
    m_free->clear();
    m_questions->clear();
    m_whatsappName->clear();
    m_whatsappLanguage->clear();
    for (BodyTab& tab : m_bodies)
        tab.editor->clear();
    updateActions();
    m_versionLine->setText(m_canEdit ? tr("New template: write at least one language, save it as a draft, then "
                                          "submit it for approval by another supervisor.")
                                     : tr("Select a template to read it."));
    m_diffLeft->clear();
    m_diffRight->clear();
    m_diff->clear();
    m_sideTabs->setCurrentIndex(0);
    if (m_canEdit)
        m_name->setFocus();
}

void TemplatesPage::loadSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = m_model->at(current.row()).id;
    m_database.run(
        this, [id](QSqlDatabase& db) { return loadTemplate(db, id); },
        [this](const Result<TemplateDetails>& details) {
            if (!details) {
                setStatus(details.error().message, true);
                return;
            }
            showDetails(*details);
        });
}

void TemplatesPage::showDetails(const TemplateDetails& details)
{
    m_details = details;
    m_templateId = details.summary.id;
    m_name->setText(details.summary.name);
    m_category->setCurrentIndex(std::max(0, m_category->findData(details.summary.category)));
    m_tags->setText(details.summary.tags.join(QStringLiteral(", ")));
    // Agents read the wording in use; editors see the newest version, which is what they edit.
    const VersionInfo* shown = details.versions.isEmpty() ? nullptr : &details.versions.first();
    if (!m_canEdit)
        for (const VersionInfo& v : details.versions)
            if (v.status == QLatin1String("approved")) {
                shown = &v;
                break;
            }
    const VersionInfo empty;
    const VersionInfo& v = shown ? *shown : empty;
    m_free->setText(v.freePlaceholders.join(QStringLiteral(", ")));
    m_questions->setPlainText(v.exampleQuestions.join(QLatin1Char('\n')));
    m_whatsappName->setText(v.whatsappName);
    m_whatsappLanguage->setText(v.whatsappLanguage);
    for (BodyTab& tab : m_bodies)
        tab.editor->setPlainText(v.bodies.value(tab.language));
    if (shown) {
        QString line = tr("Version %1 · %2 · written by %3, last edited by %4")
                           .arg(v.version)
                           .arg(statusLabel(v.status), v.author, v.lastEditor);
        if (!v.decidedBy.isEmpty())
            line += QStringLiteral(" · ") + tr("decided by %1").arg(v.decidedBy);
        if (!v.rejectionReason.isEmpty())
            line += QStringLiteral("\n") + tr("Reason given: %1").arg(v.rejectionReason);
        if (details.summary.status == QLatin1String("retired"))
            line += QStringLiteral("\n") + tr("This template is retired: it can no longer be sent or edited.");
        else if (m_canEdit && (v.status == QLatin1String("approved") || v.status == QLatin1String("submitted")))
            line += QStringLiteral("\n") + tr("Saving creates a new draft version; this one stays as it is.");
        m_versionLine->setText(line);
    } else {
        m_versionLine->setText(tr("No version yet."));
    }

    const QSignalBlocker left(m_diffLeft);
    const QSignalBlocker right(m_diffRight);
    m_diffLeft->clear();
    m_diffRight->clear();
    for (const VersionInfo& version : details.versions) {
        const QString label = tr("Version %1 (%2)").arg(version.version).arg(statusLabel(version.status));
        m_diffLeft->addItem(label, version.id);
        m_diffRight->addItem(label, version.id);
    }
    m_diffRight->setCurrentIndex(0);
    m_diffLeft->setCurrentIndex(details.versions.size() > 1 ? 1 : 0);
    updateDiff();
    updateActions();
    Q_EMIT templateLoaded(m_templateId);
}

void TemplatesPage::showHistory()
{
    m_sideTabs->setCurrentIndex(1);
}

void TemplatesPage::updateDiff()
{
    const auto find = [this](const QVariant& id) -> const VersionInfo* {
        for (const VersionInfo& v : m_details.versions)
            if (v.id == id.toLongLong())
                return &v;
        return nullptr;
    };
    const VersionInfo* a = find(m_diffLeft->currentData());
    const VersionInfo* b = find(m_diffRight->currentData());
    if (!a || !b) {
        m_diff->clear();
        return;
    }
    m_diff->setHtml(versionDiffHtml(a->bodies, b->bodies, tr("Version %1").arg(a->version),
                                    tr("Version %1").arg(b->version)));
}

void TemplatesPage::updateActions()
{
    // A retired template is history: nothing of it can be saved, submitted or sent again.
    const bool retired = m_templateId != 0 && m_details.summary.status == QLatin1String("retired");
    m_saveButton->setEnabled(!retired);
    m_submitButton->setEnabled(!retired);
    if (!m_retireButton)
        return;
    const bool hasApproved = std::any_of(m_details.versions.cbegin(), m_details.versions.cend(),
                                         [](const VersionInfo& v) { return v.status == QLatin1String("approved"); });
    m_retireVersionAction->setEnabled(hasApproved && !retired);
    m_retireTemplateAction->setEnabled(m_templateId != 0 && !retired);
    m_retireButton->setEnabled(m_templateId != 0 && !retired);
}

void TemplatesPage::confirmRetire(bool wholeTemplate)
{
    qint64 versionId = 0;
    int versionNumber = 0;
    for (const VersionInfo& v : std::as_const(m_details.versions))
        if (v.status == QLatin1String("approved")) {
            versionId = v.id;
            versionNumber = v.version;
            break;
        }
    if (m_templateId == 0 || (!wholeTemplate && versionId == 0))
        return;
    const QString name = m_details.summary.name;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Retire"),
                                wholeTemplate
                                    ? tr("Retire the template \"%1\"? Agents can no longer send any of its "
                                         "versions, and it cannot be edited again. Its history is kept.")
                                          .arg(name)
                                    : tr("Retire version %1 of \"%2\"? Agents can no longer send it; a newer "
                                         "version can still be approved.")
                                          .arg(versionNumber)
                                          .arg(name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("retireConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* retire = box->addButton(tr("Retire"), QMessageBox::DestructiveRole);
    retire->setObjectName(QStringLiteral("confirmRetireButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(retire, &QPushButton::clicked, this, [this, wholeTemplate, versionId, templateId = m_templateId] {
        setStatus(tr("Retiring…"));
        m_database.run(
            this,
            [wholeTemplate, versionId, templateId](QSqlDatabase& db) {
                return wholeTemplate ? retireTemplate(db, templateId) : retireVersion(db, versionId);
            },
            [this, templateId](const Status& done) {
                if (!done) {
                    setStatus(tr("Not retired: %1").arg(done.error().message), true);
                    Q_EMIT retired(false);
                    return;
                }
                setStatus(tr("Retired: agents can no longer send it."));
                refresh();
                m_database.run(
                    this, [templateId](QSqlDatabase& db) { return loadTemplate(db, templateId); },
                    [this](const Result<TemplateDetails>& details) {
                        if (details)
                            showDetails(*details);
                        Q_EMIT retired(true);
                    });
            });
    });
    box->open();
}

QStringList TemplatesPage::freePlaceholders() const
{
    return splitList(m_free->text(), QLatin1Char(','));
}

void TemplatesPage::validate(BodyTab& tab)
{
    const QString body = tab.editor->toPlainText();
    QList<QTextEdit::ExtraSelection> marks;
    QStringList lines;
    if (!body.isEmpty()) {
        for (const Problem& problem : templates::validate(body, freePlaceholders(), m_maxChars)) {
            QTextEdit::ExtraSelection mark;
            mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            mark.format.setUnderlineColor(QColor(0xB0, 0x2A, 0x37));
            mark.format.setBackground(QColor(0xFD, 0xEC, 0xEE));
            mark.cursor = QTextCursor(tab.editor->document());
            mark.cursor.setPosition(int(problem.position));
            mark.cursor.setPosition(int(problem.position + std::max<qsizetype>(1, problem.length)),
                                    QTextCursor::KeepAnchor);
            marks << mark;
            lines << tr("Character %1: %2").arg(problem.position + 1).arg(problem.message);
        }
    }
    tab.editor->setExtraSelections(marks);
    tab.problems->setText(lines.join(QLatin1Char('\n')));
    tab.problems->setVisible(!lines.isEmpty());

    const Rendered rendered = templates::render(body, builtinValues(samplePerson(), m_agentName.isEmpty() ? tr("Agent") : m_agentName,
                                                         QDate::currentDate(), tab.language));
    const SmsSegments sms = SmsSegments::count(rendered.text);
    tab.sms->setText(body.isEmpty() ? tr("No text in this language.")
                                    : tr("%1 characters · for the sample %2 → %n SMS part(s), %3", nullptr, sms.segments)
                                          .arg(body.size())
                                          .arg(rendered.text.size())
                                          .arg(sms.encoding == SmsSegments::Encoding::Gsm7 ? tr("GSM-7 (160/153)")
                                                                                           : tr("UCS-2 (70/67)")));
    tab.preview->setHtml(TemplatePicker::highlightedHtml(rendered));
    const int index = int(&tab - m_bodies.data());
    m_bodyTabs->setTabText(index, tab.language.toUpper() + (lines.isEmpty() ? QString() : QStringLiteral(" ⚠")));
}

void TemplatesPage::save(bool submit)
{
    Draft draft;
    for (const BodyTab& tab : std::as_const(m_bodies))
        if (!tab.editor->toPlainText().trimmed().isEmpty())
            draft.bodies.insert(tab.language, tab.editor->toPlainText());
    draft.freePlaceholders = freePlaceholders();
    draft.exampleQuestions = splitList(m_questions->toPlainText(), QLatin1Char('\n'));
    draft.whatsappName = m_whatsappName->text();
    draft.whatsappLanguage = m_whatsappLanguage->text();
    const qint64 templateId = m_templateId;
    const QString name = m_name->text().trimmed();
    const QString category = m_category->currentData().toString();
    const QStringList tags = splitList(m_tags->text(), QLatin1Char(','));
    m_saveButton->setEnabled(false);
    m_submitButton->setEnabled(false);
    setStatus(submit ? tr("Submitting…") : tr("Saving…"));
    // One use case, one transaction (templates::saveTemplate): all of it is saved, or nothing.
    m_database.run(
        this,
        [templateId, name, category, tags, draft, submit](QSqlDatabase& db) {
            return saveTemplate(db, templateId, name, category, tags, draft, submit);
        },
        [this, submit](const Result<SavedTemplate>& done) {
            updateActions();
            if (!done) {
                setStatus(tr("Not saved: %1").arg(done.error().message), true);
                Q_EMIT saved(false);
                return;
            }
            m_templateId = done->templateId;
            if (const auto& same = done->unchanged; !same)
                setStatus(submit ? tr("Submitted: another supervisor can now approve it on the Approvals page.")
                                 : tr("Draft saved."));
            else if (same->status == QLatin1String("submitted"))
                setStatus(tr("Saved. Version %1 has not changed and is still waiting for approval.").arg(same->version));
            else
                setStatus(tr("Saved. Version %1 has not changed and stays approved.").arg(same->version));
            refresh();
            m_database.run(
                this, [tid = done->templateId](QSqlDatabase& db) { return loadTemplate(db, tid); },
                [this](const Result<TemplateDetails>& details) {
                    if (details)
                        showDetails(*details);
                    Q_EMIT saved(true);
                });
        });
}

} // namespace mhero::ui
