#pragma once

#include "Result.h"
#include "channels/ChannelSource.h"
#include "channels/OutboxSender.h"
#include "channels/meta/MetaAdapter.h"
#include "channels/meta/MetaSource.h"

#include <QJsonArray>
#include <QSqlDatabase>

#include <memory>

namespace mhero::meta {

/// A WhatsApp message template as Meta lists it (GET /{waba-id}/message_templates).
struct WhatsAppTemplate
{
    QString name;
    QString language;
    QString status; ///< APPROVED, PENDING, REJECTED, PAUSED, DISABLED, …
    QString category;
    QString id;
    QJsonArray components;
};

/// One page of the template list: its templates, the entries left out (with why), and the next
/// page's URL (empty: the last).
struct TemplatePage
{
    QList<WhatsAppTemplate> templates;
    QStringList problems;
    QUrl next;
};
/// Reads a page of GET /{waba-id}/message_templates. Error when it is not Graph's list at all.
Result<TemplatePage> parseTemplatePage(const QByteArray& body);

/// The sync engine's jobs for one WhatsApp number or Facebook Page. Meta pushes messages and
/// statuses (webhooks, engine/WebhookServer), so the only poll is WhatsApp's template list —
/// every 15 minutes and at start, so a template approved, paused or deleted while no webhook
/// reached us is known anyway — and the outbox goes through channels::OutboxSender over the
/// source's adapter like every channel's.
class MetaSync final : public channels::ChannelSource
{
    Q_OBJECT
public:
    static constexpr qint64 kTemplatesMs = 15 * 60 * 1000;
    static constexpr int kMaxTemplatePages = 50;

    MetaSync(MetaSource source, QSqlDatabase& db, QString worker, QObject* parent = nullptr);

    [[nodiscard]] const channels::SourceEntry& entry() const override { return m_entry; }
    [[nodiscard]] QList<Poll> polls() const override;
    void poll(const QString& job, std::function<void(Result<int>)> done) override;
    void sendOutbox(std::function<void(Result<channels::SendReport>)> done) override;
    [[nodiscard]] channels::ChannelAdapter& adapter() override { return *m_adapter; }
    [[nodiscard]] channels::ChannelCapabilities capabilities() const override { return m_adapter->capabilities(); }
    [[nodiscard]] bool throttled() const override { return m_sender->throttled(); }

    /// Reads the whole template list and makes mhero.whatsapp_template say the same for this
    /// number: listed templates stored, unlisted ones removed (only after a complete walk).
    /// done gets how many rows changed.
    void syncTemplates(std::function<void(Result<int>)> done);

private:
    bool refuseWithoutSecret(const QString& job, const std::function<void(Error)>& done);
    void readTemplates(const QUrl& url, std::shared_ptr<QList<WhatsAppTemplate>> all, int page,
                       std::function<void(Result<int>)> done);
    Result<int> storeTemplates(const QList<WhatsAppTemplate>& templates);

    MetaSource m_source;
    channels::SourceEntry m_entry;
    QSqlDatabase& m_db;
    std::unique_ptr<GraphAdapter> m_adapter;
    std::unique_ptr<channels::OutboxSender> m_sender;
};

} // namespace mhero::meta
