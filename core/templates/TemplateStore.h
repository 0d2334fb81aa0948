#pragma once

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlDatabase;

/// Reading and changing templates in PostgreSQL. Every change goes through migration 4's
/// definer functions, which decide who may do what; these are thin, blocking calls meant for a
/// worker thread (Database::run) or the admin command line.
namespace mhero::templates {

/// One version of a template, with its wording per language.
struct VersionInfo
{
    qint64 id = 0;
    qint64 templateId = 0;
    int version = 0;
    QString status; ///< draft, submitted, approved, rejected, retired
    QMap<QString, QString> bodies; ///< language → body
    QStringList exampleQuestions;
    QStringList freePlaceholders;
    QString whatsappName;
    QString whatsappLanguage;
    QString author;
    QString lastEditor;
    QString decidedBy;
    QString rejectionReason;
    QDateTime updatedAt;
    QDateTime submittedAt;
    QDateTime decidedAt;
};

/// A line of the template list.
struct TemplateSummary
{
    qint64 id = 0;
    QString name;
    QString category;
    QStringList tags;
    QString status; ///< of the newest version; "retired" for a retired template; empty with no version
    bool hasApproved = false; ///< an approved version is in use
    QStringList languages; ///< of the newest version
    QDateTime lastChange;
};

struct TemplateDetails
{
    TemplateSummary summary;
    QList<VersionInfo> versions; ///< newest first
};

struct TemplateFilter
{
    QString text; ///< matches name, tag or body text (any version)
    QString status; ///< empty for all
};

/// What the editor saves.
struct Draft
{
    QMap<QString, QString> bodies;
    QStringList exampleQuestions;
    QStringList freePlaceholders;
    QString whatsappName;
    QString whatsappLanguage;
};

/// A submitted version waiting for a decision, with the approved version it would replace.
struct PendingApproval
{
    QString templateName;
    QString category;
    VersionInfo version;
    std::optional<VersionInfo> approved;
};

/// An approved, sendable version, for the composer's picker.
struct ApprovedTemplate
{
    qint64 templateId = 0;
    qint64 versionId = 0;
    QString name;
    QString category;
    QStringList tags;
    QMap<QString, QString> bodies;
    QStringList freePlaceholders;
};

/// The translated label of a category key ("hr_payroll" → "HR / payroll").
[[nodiscard]] QString categoryLabel(const QString& category);
[[nodiscard]] QStringList categories();
/// The translated label of a version status.
[[nodiscard]] QString statusLabel(const QString& status);

[[nodiscard]] Result<QList<TemplateSummary>> listTemplates(QSqlDatabase& db, const TemplateFilter& filter);
[[nodiscard]] Result<TemplateDetails> loadTemplate(QSqlDatabase& db, qint64 templateId);
[[nodiscard]] Result<QList<PendingApproval>> approvalQueue(QSqlDatabase& db);
/// Approved versions of templates that are not retired whose name, tag or text contains every
/// word of @p search (case-insensitive), best-named first. With @p whatsAppSource (a WhatsApp
/// source's id), only those that number can send as its WhatsApp template
/// (mhero.whatsapp_template_problem() is NULL): what may go outside the 24-hour window.
[[nodiscard]] Result<QList<ApprovedTemplate>> approvedTemplates(QSqlDatabase& db, const QString& search, int limit = 50,
                                                                int whatsAppSource = 0);
/// The server's body length limit (setting templates.max_body_chars).
[[nodiscard]] Result<int> maxBodyChars(QSqlDatabase& db);

[[nodiscard]] Result<qint64> createTemplate(QSqlDatabase& db, const QString& name, const QString& category,
                                            const QStringList& tags);
[[nodiscard]] Status updateTemplate(QSqlDatabase& db, qint64 templateId, const QString& name, const QString& category,
                                    const QStringList& tags);
/// The newest version of template @p templateId, as the database has it now, when it is
/// submitted or approved and says exactly what @p draft says (bodies, placeholders, example
/// questions, WhatsApp fields) — saving @p draft would only queue or approve a copy of it —
/// else nothing. Run it in the saving transaction.
[[nodiscard]] Result<std::optional<VersionInfo>> unchangedNewestVersion(QSqlDatabase& db, qint64 templateId,
                                                                        const Draft& draft);
/// Returns the id of the version saved (the newest draft, or a new one).
[[nodiscard]] Result<qint64> saveDraft(QSqlDatabase& db, qint64 templateId, const Draft& draft);
[[nodiscard]] Status submitVersion(QSqlDatabase& db, qint64 versionId);
/// What saveTemplate() did.
struct SavedTemplate
{
    qint64 templateId = 0;
    std::optional<VersionInfo> unchanged; ///< the version left as it was, when nothing changed
};
/// The Templates page's Save and Submit, as one use case in one transaction (all or nothing):
/// creates the template (@p templateId 0) or updates its name, category and tags; then, unless
/// the newest version already says exactly @p draft (unchangedNewestVersion(), asked in the
/// transaction: another supervisor may have decided on it meanwhile), saves @p draft and, when
/// @p submit, submits it for approval.
[[nodiscard]] Result<SavedTemplate> saveTemplate(QSqlDatabase& db, qint64 templateId, const QString& name,
                                                 const QString& category, const QStringList& tags, const Draft& draft,
                                                 bool submit);
[[nodiscard]] Status approveVersion(QSqlDatabase& db, qint64 versionId);
[[nodiscard]] Status rejectVersion(QSqlDatabase& db, qint64 versionId, const QString& reason);
[[nodiscard]] Status retireVersion(QSqlDatabase& db, qint64 versionId);
[[nodiscard]] Status retireTemplate(QSqlDatabase& db, qint64 templateId);

/// The approved version of every template that is not retired, as JSON (docs/templates.md).
[[nodiscard]] Result<QByteArray> exportJson(QSqlDatabase& db);

struct ImportReport
{
    int created = 0; ///< new templates
    int updated = 0; ///< existing templates (by name) that got a new draft
};
/// Loads an export as drafts authored by the connected user, all or nothing (one transaction).
[[nodiscard]] Result<ImportReport> importJson(QSqlDatabase& db, const QByteArray& json);

} // namespace mhero::templates
