#pragma once

#include "Result.h"
#include "templates/TemplateStore.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace mhero {
class Database;
}

namespace mhero::ui {

class TemplatesModel;

/// The template library: a searchable list (status, language coverage, last change) and, for
/// the selected template, an editor with live validation, SMS cost and a preview rendered for a
/// sample health worker, plus the version history with a side-by-side diff. Supervisors (and
/// administrators) edit and submit; agents read. The database decides either way.
class TemplatesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatesPage)

public:
    /// What the signed-in person may do here (the database decides either way; this only
    /// decides which controls are shown).
    enum class Access {
        Read,    ///< agents: the approved wording
        Write,   ///< administrators: drafts and submissions
        Approve, ///< supervisors: drafts, submissions, and retiring
    };

    /// The languages the editor offers a tab for.
    static QStringList editorLanguages();

    TemplatesPage(Database& database, Access access, const QString& agentName, QWidget* parent = nullptr);
    [[nodiscard]] TemplatesModel* model() const { return m_model; }

    void refresh();
    /// Clears the editor for a new template.
    void startNewTemplate();
    /// Selects the template named @p name once the list has it (screenshots, tests).
    void selectTemplate(const QString& name);
    /// Shows the history tab comparing the two newest versions.
    void showHistory();
    [[nodiscard]] qint64 shownTemplateId() const { return m_templateId; }

Q_SIGNALS:
    /// A save or submit finished (ok or with the server's refusal shown in the status line).
    void saved(bool ok);
    void templateLoaded(qint64 templateId);
    /// A retirement finished (ok or refused, the reason in the status line).
    void retired(bool ok);

private:
    struct BodyTab
    {
        QString language;
        QPlainTextEdit* editor = nullptr;
        QLabel* problems = nullptr;
        QLabel* sms = nullptr;
        QTextBrowser* preview = nullptr;
    };

    void loadSelected();
    void showDetails(const templates::TemplateDetails& details);
    void validate(BodyTab& tab);
    void save(bool submit);
    void updateDiff();
    /// Enables what the shown template allows (nothing for a retired one).
    void updateActions();
    /// Asks, then retires the approved version (@p wholeTemplate false) or the whole template.
    void confirmRetire(bool wholeTemplate);
    [[nodiscard]] QStringList freePlaceholders() const;
    void setStatus(const QString& text, bool error = false);

    Database& m_database;
    bool m_canEdit = false;
    bool m_canRetire = false;
    QString m_agentName;
    TemplatesModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QTableView* m_table = nullptr;
    QTabWidget* m_sideTabs = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_tags = nullptr;
    QLineEdit* m_free = nullptr;
    QPlainTextEdit* m_questions = nullptr;
    QLineEdit* m_whatsappName = nullptr;
    QLineEdit* m_whatsappLanguage = nullptr;
    QLabel* m_versionLine = nullptr;
    QTabWidget* m_bodyTabs = nullptr;
    QList<BodyTab> m_bodies;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_submitButton = nullptr;
    QPushButton* m_retireButton = nullptr;
    QAction* m_retireVersionAction = nullptr;
    QAction* m_retireTemplateAction = nullptr;
    QLabel* m_statusLine = nullptr;
    QComboBox* m_diffLeft = nullptr;
    QComboBox* m_diffRight = nullptr;
    QTextBrowser* m_diff = nullptr;
    QTimer m_searchDelay;
    int m_maxChars = 1000;
    qint64 m_templateId = 0;
    templates::TemplateDetails m_details;
    QString m_pendingSelection;
};

} // namespace mhero::ui
