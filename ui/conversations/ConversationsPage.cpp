#include "conversations/ConversationsPage.h"

#include "channels/MediaStore.h"
#include "common/Icons.h"
#include "common/PageParts.h"
#include "conversations/ComposerWidget.h"
#include "conversations/ConversationListModel.h"
#include "conversations/LinkContactDialog.h"
#include "conversations/MediaOpener.h"
#include "conversations/NotesPanel.h"
#include "conversations/Notifier.h"
#include "conversations/SuggestionStrip.h"
#include "conversations/ThreadDelegate.h"
#include "conversations/ThreadModel.h"
#include "db/Database.h"
#include "db/Notifications.h"
#include "messaging/MediaQueries.h"
#include "templates/TemplatePicker.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace mhero::ui {

using messaging::ConversationRow;
using messaging::QueueView;

namespace {

QString channelIconName(const QString& scheme)
{
    if (scheme == QLatin1String("whatsapp"))
        return QStringLiteral("channel-whatsapp");
    if (scheme == QLatin1String("telegram"))
        return QStringLiteral("channel-telegram");
    if (scheme == QLatin1String("facebook"))
        return QStringLiteral("channel-messenger");
    return QStringLiteral("channel-sms");
}

/// "now", "12 min", "3 h", "yesterday", or the date: how long a person has waited.
QString age(const QDateTime& at)
{
    const qint64 seconds = at.secsTo(QDateTime::currentDateTimeUtc());
    // lupdate files these tr() calls of a free function under the namespace: look them up there.
    auto tr = [](const char* text) { return QCoreApplication::translate("mhero::ui", text); };
    if (seconds < 60)
        return tr("now");
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 24 * 3600)
        return tr("%1 h").arg(seconds / 3600);
    const QDate day = at.toLocalTime().date();
    if (day == QDate::currentDate().addDays(-1))
        return tr("yesterday");
    return QLocale().toString(day, QLocale::ShortFormat);
}

/// A queue line: channel icon, contact (bold while unread), age, preview, assignee, unread dot.
class QueueDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override
    {
        const QFontMetrics fm(option.font);
        return {200, fm.height() * 3 + 18};
    }

    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const bool selected = option.state & QStyle::State_Selected;
        const QRect r = option.rect;
        p->fillRect(r, selected ? QColor(0xD7, 0xEB, 0xE3) : QColor(Qt::white));
        p->setPen(QColor(0xE6, 0xEA, 0xE8));
        p->drawLine(r.bottomLeft(), r.bottomRight());
        if (selected)
            p->fillRect(QRect(r.left(), r.top(), 3, r.height()), QColor(0x0B, 0x6E, 0x4F));

        const int unread = index.data(ConversationListModel::UnreadRole).toInt();
        const QFontMetrics fm(option.font);
        QFont bold = option.font;
        bold.setBold(true);
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.88);
        const int line = fm.height();
        const int x = r.left() + 12;
        int y = r.top() + 6;

        const QIcon channel = icon(channelIconName(index.data(ConversationListModel::SchemeRole).toString()));
        channel.paint(p, QRect(x, y + (line - 16) / 2, 16, 16));
        const QString when = age(index.data(ConversationListModel::LastActivityRole).toDateTime());
        p->setFont(small);
        const int whenWidth = QFontMetrics(small).horizontalAdvance(when);
        p->setPen(unread > 0 ? QColor(0x0B, 0x6E, 0x4F) : QColor(0x78, 0x90, 0x9C));
        p->drawText(QRect(r.right() - 10 - whenWidth, y, whenWidth, line), Qt::AlignRight | Qt::AlignVCenter, when);

        p->setFont(unread > 0 ? bold : option.font);
        p->setPen(QColor(0x1F, 0x2A, 0x2E));
        QString contact = index.data(ConversationListModel::ContactRole).toString();
        if (!index.data(ConversationListModel::KnownContactRole).toBool())
            contact = QCoreApplication::translate("mhero::ui::ConversationsPage", "%1 (unknown)").arg(contact);
        const int nameWidth = r.right() - 16 - whenWidth - (x + 22);
        p->drawText(QRect(x + 22, y, nameWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(p->font()).elidedText(contact, Qt::ElideRight, nameWidth));
        y += line + 2;

        QString preview = index.data(ConversationListModel::PreviewRole).toString().simplified();
        if (index.data(ConversationListModel::DirectionRole).toString() == QLatin1String("out"))
            preview = QCoreApplication::translate("mhero::ui::ConversationsPage", "↩ %1").arg(preview);
        p->setFont(option.font);
        p->setPen(unread > 0 ? QColor(0x26, 0x32, 0x38) : QColor(0x54, 0x6E, 0x7A));
        const int dot = unread > 0 ? 22 : 0;
        const int previewWidth = r.right() - 10 - dot - (x + 22);
        p->drawText(QRect(x + 22, y, previewWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(preview, Qt::ElideRight, previewWidth));
        if (unread > 0) {
            const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
            p->setFont(small);
            const int w = std::max(line, QFontMetrics(small).horizontalAdvance(count) + 8);
            const QRect badge(r.right() - 10 - w, y + 1, w, line - 2);
            p->setPen(Qt::NoPen);
            p->setBrush(QColor(0x0B, 0x6E, 0x4F));
            p->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
            p->setPen(Qt::white);
            p->drawText(badge, Qt::AlignCenter, count);
        }
        y += line + 2;

        p->setFont(small);
        p->setPen(QColor(0x78, 0x90, 0x9C));
        const QString assignee = index.data(ConversationListModel::AssigneeNameRole).toString();
        QString third = assignee.isEmpty()
            ? QCoreApplication::translate("mhero::ui::ConversationsPage", "Unassigned")
            : QCoreApplication::translate("mhero::ui::ConversationsPage", "Assigned to %1").arg(assignee);
        const QString facility = index.data(ConversationListModel::FacilityRole).toString();
        if (!facility.isEmpty())
            third = facility + QStringLiteral(" · ") + third;
        // The channel and its source first: one person writing by SMS and by WhatsApp (or to two
        // numbers) has two conversations, and this is what tells them apart.
        third = index.data(ConversationListModel::ChannelRole).toString() + QStringLiteral(" · ") + third;
        p->drawText(QRect(x + 22, y, r.right() - 10 - (x + 22), line), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(small).elidedText(third, Qt::ElideRight, r.right() - 10 - (x + 22)));
        p->restore();
    }
};

QPushButton* actionButton(const QString& objectName, const QString& text)
{
    auto* button = new QPushButton(text);
    button->setObjectName(objectName);
    return button;
}

} // namespace

ConversationsPage::ConversationsPage(Database& database, const SessionInfo& session, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_session(session)
{
    m_list = new ConversationListModel(database, session.user.roleName, this);
    m_thread = new ThreadModel(database, this);
    m_threadDelegate = new ThreadDelegate(this);
    m_opener = new MediaOpener(database, this, this);
    m_trayNotifier = std::make_unique<TrayNotifier>();
    m_notifier = m_trayNotifier.get();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("conversationsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildQueuePanel());
    splitter->addWidget(buildThreadPanel());
    splitter->addWidget(buildCardPanel());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({340, 640, 260});
    layout->addWidget(splitter);

    m_countsTimer = new QTimer(this);
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(250); // a burst of notifications costs one count query
    connect(m_countsTimer, &QTimer::timeout, this, &ConversationsPage::loadCounts);

    connect(m_list, &ConversationListModel::conversationRefreshed, this, &ConversationsPage::onConversationRefreshed);
    connect(m_list, &ConversationListModel::errorOccurred, this, [this](const QString& m) { showMessage(m); });
    connect(m_thread, &ThreadModel::errorOccurred, this, [this](const QString& m) { showMessage(m); });
    connect(m_threadDelegate, &ThreadDelegate::retryRequested, this, &ConversationsPage::retryMessage);
    connect(m_threadDelegate, &ThreadDelegate::attachmentActivated, m_opener, &MediaOpener::open);
    connect(m_opener, &MediaOpener::failed, this, [this](const QString& m) { showMessage(m); });
    connect(m_composer, &ComposerWidget::sendRequested, this, &ConversationsPage::sendReply);
    connect(m_composer, &ComposerWidget::attachRequested, this, &ConversationsPage::chooseAttachment);
    // The approved templates, rendered for this health worker in the conversation's language.
    m_picker = new TemplatePicker(m_database, this);
    m_picker->setObjectName(QStringLiteral("templatePicker"));
    m_picker->hide(); // a popup, shown on demand
    const auto recipientNow = [this] {
        TemplateRecipient recipient;
        recipient.agentName = m_session.user.displayName;
        if (m_cardData) {
            const messaging::ContactCard& card = *m_cardData;
            recipient.person = {card.givenName, card.familyName, card.cadre, card.facility, card.district};
            recipient.language = card.conversationLanguage;
            if (!card.language.isEmpty())
                recipient.fallbackLanguages = {card.language};
        }
        return recipient;
    };
    connect(m_composer, &ComposerWidget::templatePickerRequested, this, [this, recipientNow] {
        Q_EMIT templatePickerRequested(currentConversation());
        m_picker->setRecipient(recipientNow());
        // Outside WhatsApp's window only what this number's WhatsApp has approved can go.
        m_picker->setWhatsAppSource(m_composer->whatsAppTemplatesOnly() && m_replyWindow ? m_replyWindow->sourceId : 0);
        // The picker lists templates in the suggestion ranker's order, and preselects nothing
        // when it abstains (docs/suggestions.md).
        m_picker->setPreferredOrder(m_suggestions->rankedTemplateIds(), !m_suggestions->abstained());
        m_picker->popup(m_composer->mapToGlobal(QPoint(0, 0)), m_composer->slashSearch());
    });
    connect(m_picker, &TemplatePicker::templateChosen, this, [this](const PickedTemplate& chosen) {
        m_composer->setTemplateVersion(chosen.versionId, chosen.rendered.text, chosen.rendered.unfilled);
    });
    m_suggestions->setRecipientProvider(recipientNow);
    connect(m_suggestions, &SuggestionStrip::templateChosen, this, [this](const PickedTemplate& chosen) {
        m_composer->setTemplateVersion(chosen.versionId, chosen.rendered.text, chosen.rendered.unfilled);
        m_composer->setFocus();
    });
    // The latest inbound message is the question to suggest answers for.
    const auto updateQuestion = [this] {
        QString question;
        for (int row = m_thread->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = m_thread->index(row);
            if (index.data(ThreadModel::DirectionRole).toString() == QLatin1String("in")) {
                question = index.data(ThreadModel::TextRole).toString();
                break;
            }
        }
        m_suggestions->setQuestion(question);
    };
    connect(m_thread, &ThreadModel::threadLoaded, this, updateQuestion);
    connect(m_thread, &QAbstractItemModel::rowsInserted, this, updateQuestion);
    connect(m_thread, &QAbstractItemModel::modelReset, this, updateQuestion);

    connect(&database, &Database::notification, this, &ConversationsPage::onNotification);
    connect(&database, &Database::reconnected, this, [this] {
        loadCounts();
        loadPolicy();
    });
    database.listen(QString(notify::kConversation));
    database.listen(QString(notify::kMessage));
    database.listen(QString(notify::kNote));
    database.listen(QString(notify::kMedia));

    loadPolicy();
    loadCounts();
    showConversation({});
    // Agents start where work waits for them: their own conversations when they have some,
    // otherwise the unassigned queue (chosen once the counts are in).
    setView(QueueView::Unassigned);
}

ConversationsPage::~ConversationsPage() = default;

QWidget* ConversationsPage::buildQueuePanel()
{
    auto* panel = new QWidget;
    panel->setMinimumWidth(280);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(12, 12, 0, 12);
    layout->addWidget(pageTitle(tr("Conversations")));

    auto* views = new QGridLayout;
    views->setSpacing(4);
    m_viewButtons = new QButtonGroup(this);
    m_viewButtons->setExclusive(true);
    const QList<std::pair<QueueView, QString>> names{{QueueView::Unassigned, QStringLiteral("viewUnassigned")},
                                                     {QueueView::Mine, QStringLiteral("viewMine")},
                                                     {QueueView::Open, QStringLiteral("viewOpen")},
                                                     {QueueView::Resolved, QStringLiteral("viewResolved")}};
    for (const auto& [view, name] : names) {
        auto* button = new QToolButton;
        button->setObjectName(name);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setStyleSheet(QStringLiteral(
            "QToolButton { border: 1px solid #CFD8DC; border-radius: 12px; padding: 3px 6px; background: white; }"
            "QToolButton:checked { background: #0B6E4F; color: white; border-color: #0B6E4F; }"));
        m_viewButtons->addButton(button, int(view));
        views->addWidget(button, int(view) / 2, int(view) % 2);
    }
    connect(m_viewButtons, &QButtonGroup::idClicked, this, [this](int id) { setView(QueueView(id)); });
    layout->addLayout(views);

    m_queueView = new QListView;
    m_queueView->setObjectName(QStringLiteral("conversationList"));
    m_queueView->setModel(m_list);
    m_queueView->setItemDelegate(new QueueDelegate(m_queueView));
    m_queueView->setUniformItemSizes(true);
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueView->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(m_queueView, 1);
    m_queueEmpty = mutedLabel();
    m_queueEmpty->setObjectName(QStringLiteral("queueEmpty"));
    m_queueEmpty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_queueEmpty);

    connect(
        m_queueView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
            if (!m_liveUpdate && current.isValid() && m_list->conversation(current.row()).id != currentConversation())
                showConversation(m_list->conversation(current.row()));
        });
    auto updateEmpty = [this] {
        m_queueEmpty->setVisible(m_list->rowCount() == 0 && !m_list->isLoading());
        m_queueEmpty->setText(m_list->view() == QueueView::Mine ? tr("Nothing assigned to you.")
                                                                : tr("No conversations here."));
    };
    connect(m_list, &QAbstractItemModel::modelReset, this, updateEmpty);
    connect(m_list, &QAbstractItemModel::rowsInserted, this, updateEmpty);
    connect(m_list, &QAbstractItemModel::rowsRemoved, this, updateEmpty);
    connect(m_list, &ConversationListModel::loadingChanged, this, updateEmpty);
    // Keep the open conversation selected when rows move under it, and only it.
    connect(m_list, &ConversationListModel::liveUpdateStarted, this, [this] { m_liveUpdate = true; });
    connect(m_list, &ConversationListModel::liveUpdateFinished, this, [this] {
        selectCurrentInQueue();
        m_liveUpdate = false;
    });
    connect(m_list, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_liveUpdate)
            selectCurrentInQueue();
    });
    // Queued: a page's rows are in and the model's own bookkeeping done before the next request.
    connect(
        m_list, &ConversationListModel::loadingChanged, this,
        [this](bool loading) {
            if (!loading)
                continueReveal();
        },
        Qt::QueuedConnection);
    connect(m_list, &QAbstractItemModel::rowsInserted, this, &ConversationsPage::continueReveal, Qt::QueuedConnection);
    return panel;
}

QWidget* ConversationsPage::buildThreadPanel()
{
    auto* panel = new QWidget;
    panel->setMinimumWidth(380);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(12, 12, 12, 12);

    m_placeholder = mutedLabel(tr("Choose a conversation on the left."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder, 1);

    m_threadPanel = new QWidget;
    auto* thread = new QVBoxLayout(m_threadPanel);
    thread->setContentsMargins(0, 0, 0, 0);

    // Titles above the actions: side by side, a long name or subtitle squeezed the buttons until
    // their words were cut ("ssign to."); the labels wrap instead, the buttons keep their words.
    auto* header = new QVBoxLayout;
    auto* titles = new QVBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = mutedLabel();
    m_subtitle->setObjectName(QStringLiteral("conversationSubtitle"));
    m_assigneeLabel = new QLabel;
    m_assigneeLabel->setObjectName(QStringLiteral("assigneeLabel"));
    for (QLabel* label : {m_title, m_subtitle, m_assigneeLabel}) {
        label->setWordWrap(true);
        titles->addWidget(label);
    }
    header->addLayout(titles);

    auto* actions = new QHBoxLayout;
    actions->setSpacing(4);
    m_claimButton = actionButton(QStringLiteral("claimButton"), tr("Claim"));
    m_claimButton->setToolTip(tr("Take this conversation: it moves to your queue."));
    m_releaseButton = actionButton(QStringLiteral("releaseButton"), tr("Release"));
    m_releaseButton->setToolTip(tr("Hand the conversation back to the unassigned queue."));
    m_assignButton = actionButton(QStringLiteral("assignButton"), tr("Assign to…"));
    m_assignButton->setVisible(m_session.user.isSupervisor);
    m_resolveButton = actionButton(QStringLiteral("resolveButton"), tr("Resolve"));
    m_reopenButton = actionButton(QStringLiteral("reopenButton"), tr("Reopen"));
    for (QPushButton* b : {m_claimButton, m_releaseButton, m_assignButton, m_resolveButton, m_reopenButton})
        actions->addWidget(b);
    actions->addStretch(1);
    header->addLayout(actions);
    thread->addLayout(header);

    m_messageBar = new QLabel;
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_messageBar->setWordWrap(true);
    m_messageBar->setContentsMargins(10, 6, 10, 6);
    m_messageBar->hide();
    thread->addWidget(m_messageBar);

    m_threadView = new QListView;
    m_threadView->setObjectName(QStringLiteral("threadView"));
    m_threadView->setModel(m_thread);
    m_threadView->setItemDelegate(m_threadDelegate);
    m_threadView->setSelectionMode(QAbstractItemView::NoSelection);
    m_threadView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_threadView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_threadView->setResizeMode(QListView::Adjust);
    m_threadView->setUniformItemSizes(false);
    m_threadView->setMouseTracking(true);
    m_threadView->setStyleSheet(
        QStringLiteral("QListView#threadView { background: #EEF2F0; border: 1px solid #D8DEDC; }"));
    thread->addWidget(m_threadView, 1);

    // WhatsApp said the number cannot receive its messages (131026): offer the same number by SMS.
    m_smsBanner = new QFrame;
    m_smsBanner->setObjectName(QStringLiteral("notOnWhatsAppBanner"));
    m_smsBanner->setStyleSheet(QStringLiteral("QFrame#notOnWhatsAppBanner { background: #FDECEA; border-radius: 4px; }"
                                              "QLabel { color: #8E1B1B; }"));
    auto* banner = new QHBoxLayout(m_smsBanner);
    banner->setContentsMargins(10, 6, 10, 6);
    auto* bannerText = new QLabel(tr("This number cannot receive WhatsApp messages"));
    bannerText->setObjectName(QStringLiteral("notOnWhatsAppText"));
    bannerText->setWordWrap(true);
    m_writeBySms = new QPushButton(tr("Write by SMS"));
    m_writeBySms->setObjectName(QStringLiteral("writeBySmsButton"));
    m_writeBySms->setToolTip(tr("Open a conversation with the same number by SMS"));
    banner->addWidget(bannerText, 1);
    banner->addWidget(m_writeBySms);
    m_smsBanner->hide();
    thread->addWidget(m_smsBanner);
    connect(m_writeBySms, &QPushButton::clicked, this, &ConversationsPage::writeBySms);

    m_suggestions = new SuggestionStrip(m_database, this);
    thread->addWidget(m_suggestions);
    m_composer = new ComposerWidget;
    thread->addWidget(m_composer);
    layout->addWidget(m_threadPanel, 1);

    connect(m_claimButton, &QPushButton::clicked, this, &ConversationsPage::claim);
    connect(m_releaseButton, &QPushButton::clicked, this, [this] {
        const qint64 id = currentConversation();
        runAction([id](QSqlDatabase& db) { return messaging::release(db, id); }, tr("Released to the queue."));
    });
    connect(m_resolveButton, &QPushButton::clicked, this, [this] {
        const qint64 id = currentConversation();
        runAction([id](QSqlDatabase& db) { return messaging::resolve(db, id); }, tr("Resolved."));
    });
    connect(m_reopenButton, &QPushButton::clicked, this, [this] {
        const qint64 id = currentConversation();
        runAction([id](QSqlDatabase& db) { return messaging::reopen(db, id); }, tr("Reopened; it is yours."));
    });
    connect(m_assignButton, &QPushButton::clicked, this, &ConversationsPage::showAssignMenu);

    // The thread opens at its newest message and follows new ones while the agent is at the
    // bottom; reaching the top loads older messages without jumping.
    QScrollBar* bar = m_threadView->verticalScrollBar();
    connect(m_thread, &ThreadModel::threadLoaded, this,
            [this] { QTimer::singleShot(0, m_threadView, [this] { m_threadView->scrollToBottom(); }); });
    connect(m_thread, &QAbstractItemModel::rowsAboutToBeInserted, this, [this, bar](const QModelIndex&, int first) {
        if (first == 0) {
            // Older messages go above: keep the message at the top of the view where it is.
            const QModelIndex top = m_threadView->indexAt(QPoint(4, 4));
            m_threadAnchor = top.isValid() ? top.data(ThreadModel::IdRole).toLongLong() : 0;
            m_threadFollow = false;
        } else {
            m_threadAnchor = 0;
            m_threadFollow = bar->maximum() - bar->value() < 40; // at the bottom: follow new messages
        }
    });
    connect(m_thread, &QAbstractItemModel::rowsInserted, this, [this] {
        const qint64 anchor = m_threadAnchor;
        const bool follow = m_threadFollow;
        QTimer::singleShot(0, m_threadView, [this, anchor, follow] {
            if (anchor != 0) {
                const int row = m_thread->rowOfMessage(anchor);
                if (row >= 0)
                    m_threadView->scrollTo(m_thread->index(row), QAbstractItemView::PositionAtTop);
            } else if (follow) {
                m_threadView->scrollToBottom();
            }
        });
    });
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (value == bar->minimum() && m_thread->canFetchMore({}))
            m_thread->fetchMore({});
    });
    return panel;
}

QWidget* ConversationsPage::buildCardPanel()
{
    m_card = new QFrame;
    m_card->setObjectName(QStringLiteral("contactCard"));
    m_card->setMinimumWidth(220);
    m_card->setStyleSheet(
        QStringLiteral("QFrame#contactCard { background: #F7F9F8; border-left: 1px solid #D8DEDC; }"));
    auto* layout = new QVBoxLayout(m_card);
    layout->setContentsMargins(14, 16, 14, 12);
    auto* heading = mutedLabel(tr("CONTACT"));
    layout->addWidget(heading);
    m_cardName = new QLabel;
    m_cardName->setObjectName(QStringLiteral("contactName"));
    m_cardName->setWordWrap(true);
    QFont f = m_cardName->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    m_cardName->setFont(f);
    layout->addWidget(m_cardName);
    m_cardDetails = new QLabel;
    m_cardDetails->setObjectName(QStringLiteral("contactDetails"));
    m_cardDetails->setWordWrap(true);
    m_cardDetails->setTextFormat(Qt::RichText);
    m_cardDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_cardDetails);
    m_linkButton = new QPushButton(tr("Link to a health worker…"));
    m_linkButton->setObjectName(QStringLiteral("linkContactButton"));
    layout->addWidget(m_linkButton);
    m_liftOptOutButton = new QPushButton(tr("They wrote again: lift the opt-out"));
    m_liftOptOutButton->setObjectName(QStringLiteral("liftOptOutButton"));
    m_liftOptOutButton->setToolTip(tr("Only when the person asked, in their own words after opting out, to receive "
                                      "messages again. Recorded in the audit log."));
    m_liftOptOutButton->hide();
    layout->addWidget(m_liftOptOutButton);
    layout->addSpacing(10);
    m_notesPanel = new NotesPanel(m_database);
    m_notesPanel->setObjectName(QStringLiteral("notesPanel"));
    layout->addWidget(m_notesPanel, 1);
    connect(m_linkButton, &QPushButton::clicked, this, &ConversationsPage::linkContact);
    connect(m_liftOptOutButton, &QPushButton::clicked, this, &ConversationsPage::liftOptOut);
    return m_card;
}

void ConversationsPage::selectCurrentInQueue()
{
    const int row = m_list->rowOf(currentConversation());
    const bool guard = m_liveUpdate;
    m_liveUpdate = true;
    if (row < 0) {
        m_queueView->selectionModel()->clear();
    } else if (m_queueView->currentIndex().row() != row
               || !m_queueView->selectionModel()->isSelected(m_list->index(row))) {
        m_queueView->selectionModel()->setCurrentIndex(m_list->index(row), QItemSelectionModel::ClearAndSelect);
    }
    m_liveUpdate = guard;
}

void ConversationsPage::revealInQueue()
{
    if (!m_current)
        return;
    m_revealing = m_current->id;
    const ConversationRow& c = *m_current;
    if (!messaging::belongsTo(c, m_list->view(), m_session.user.roleName)) {
        // The queue on screen would hide it: show the one it is in (its button is checked, so
        // the agent sees the switch).
        const QueueView view = c.status == QLatin1String("resolved") ? QueueView::Resolved
            : isMine(c)                                              ? QueueView::Mine
            : c.assignee.isEmpty()                                   ? QueueView::Unassigned
                                                                     : QueueView::Open;
        setView(view);
    }
    continueReveal();
}

void ConversationsPage::continueReveal()
{
    if (m_revealing == 0)
        return;
    if (m_revealing != currentConversation()) {
        m_revealing = 0; // another conversation was opened meanwhile
        return;
    }
    const int row = m_list->rowOf(m_revealing);
    if (row >= 0) {
        m_revealing = 0;
        selectCurrentInQueue();
        m_queueView->scrollTo(m_list->index(row), QAbstractItemView::EnsureVisible);
        return;
    }
    if (m_list->isLoading())
        return; // the page on its way calls again
    if (m_list->canFetchMore({})) {
        m_list->fetchMore({}); // further down the queue: pages come in until the row does
        return;
    }
    m_revealing = 0; // not in this queue after all: it moved meanwhile, and a live update says so
}

void ConversationsPage::setView(QueueView view)
{
    if (QAbstractButton* button = m_viewButtons->button(int(view)))
        button->setChecked(true);
    if (m_list->view() != view || m_list->rowCount() == 0)
        m_list->setView(view);
}

bool ConversationsPage::isMine(const ConversationRow& row) const
{
    return row.assignee == m_session.user.roleName;
}

void ConversationsPage::openConversation(qint64 id)
{
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::loadConversation(db, id); },
        [this](const Result<std::optional<ConversationRow>>& row) {
            if (!row)
                showMessage(row.error().message);
            else if (*row) {
                showConversation(**row);
                revealInQueue();
                m_composer->focusEditor(); // "composer ready" (docs/messaging.md)
            } else {
                showMessage(tr("This conversation is not visible to you (it may belong to another team)."));
            }
        });
}

void ConversationsPage::showExample()
{
    setView(QueueView::Open);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_list, &ConversationListModel::loadingChanged, this, [this, connection](bool loading) {
        if (loading || m_list->rowCount() == 0)
            return;
        disconnect(*connection);
        showConversation(m_list->conversation(0));
    });
}

void ConversationsPage::showExampleOn(const QString& sourceKind, bool windowOpen)
{
    setView(QueueView::Open);
    m_database.run(
        this,
        [sourceKind, windowOpen](QSqlDatabase& db) {
            return messaging::exampleConversation(db, sourceKind, windowOpen);
        },
        [this](const Result<qint64>& id) {
            if (id && *id > 0)
                openConversation(*id);
        });
}

void ConversationsPage::showConversation(const ConversationRow& row)
{
    clearMessage();
    if (row.id == 0) {
        m_current.reset();
        m_replyWindow.reset();
        m_composer->setReplyWindow(std::nullopt);
        m_thread->setConversation(0);
        m_notesPanel->setConversation(0);
        m_cardData.reset();
        m_placeholder->show();
        m_threadPanel->hide();
        m_card->hide();
        return;
    }
    const bool other = !m_current || m_current->id != row.id;
    m_current = row;
    m_knownUnread[row.id] = row.unreadCount;
    m_placeholder->hide();
    m_threadPanel->show();
    m_card->show();
    if (other) {
        m_thread->setConversation(row.id);
        m_notesPanel->setConversation(row.id);
        m_composer->clear();
        m_composer->setMediaRules({});
        m_composer->setReplyWindow(std::nullopt);
        m_replyWindow.reset();
        m_smsBanner->hide();
        loadMediaRules();
        loadReplyWindow();
        loadCard();
        selectCurrentInQueue();
    }
    updateHeader();
    markReadIfNeeded();
}

void ConversationsPage::updateHeader()
{
    if (!m_current)
        return;
    const ConversationRow& c = *m_current;
    const bool resolved = c.status == QLatin1String("resolved");
    const bool mine = isMine(c);
    const bool supervisor = m_session.user.isSupervisor;
    m_title->setText(c.known() ? c.contactName : tr("Unknown contact"));
    // Which of the person's conversations this is (SMS and WhatsApp, two numbers): channel, source.
    QStringList sub{ConversationListModel::channelText(c.scheme, c.channelName), c.urn.section(QLatin1Char(':'), 1)};
    if (c.scheme == QLatin1String("whatsapp") && c.windowEndsAt.isValid()) {
        sub << (c.windowEndsAt > QDateTime::currentDateTimeUtc()
                    ? tr("reply window open until %1")
                          .arg(QLocale().toString(c.windowEndsAt.toLocalTime(), QLocale::ShortFormat))
                    : tr("reply window closed: templates only"));
    }
    if (c.status == QLatin1String("pending"))
        sub << tr("pending");
    else if (resolved)
        sub << tr("resolved");
    m_subtitle->setText(sub.join(QStringLiteral(" · ")));
    if (c.assignee.isEmpty())
        m_assigneeLabel->setText(tr("Unassigned"));
    else if (mine)
        m_assigneeLabel->setText(tr("Assigned to you"));
    else
        m_assigneeLabel->setText(tr("Assigned to %1").arg(c.assigneeName));

    m_claimButton->setEnabled(!m_busy && !resolved && c.assignee.isEmpty());
    m_releaseButton->setEnabled(!m_busy && !resolved && !c.assignee.isEmpty() && (mine || supervisor));
    m_assignButton->setEnabled(!m_busy && !resolved);
    m_resolveButton->setEnabled(!m_busy && !resolved && (c.assignee.isEmpty() || mine || supervisor));
    m_reopenButton->setEnabled(!m_busy && resolved);
    m_claimButton->setVisible(!resolved);
    m_releaseButton->setVisible(!resolved);
    m_resolveButton->setVisible(!resolved);
    m_reopenButton->setVisible(resolved);

    QString blocked;
    if (c.optedOut)
        blocked = tr("This person has opted out of messages (%1); nothing can be sent to them.").arg(c.optOutStatus);
    else if (resolved)
        blocked = tr("This conversation is resolved. Reopen it to reply.");
    else if (!c.assignee.isEmpty() && !mine && !supervisor)
        blocked = tr("%1 has this conversation.").arg(c.assigneeName);
    m_composer->setBlockedReason(blocked);
    m_composer->setTemplatesOnly(m_templatesOnly);
}

void ConversationsPage::loadCard()
{
    if (!m_current)
        return;
    const qint64 id = m_current->id;
    const int generation = ++m_cardGeneration;
    m_cardName->setText(m_current->contactName);
    m_cardDetails->clear();
    m_linkButton->hide();
    m_liftOptOutButton->hide();
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::loadContactCard(db, id); },
        [this, generation](const Result<messaging::ContactCard>& card) {
            if (generation != m_cardGeneration)
                return;
            if (!card) {
                m_cardDetails->setText(card.error().message);
                return;
            }
            m_cardData = *card;
            const messaging::ContactCard& c = *card;
            auto line = [](const QString& label, const QString& value) {
                return value.isEmpty()
                    ? QString()
                    : QStringLiteral("<p style='margin:0 0 6px 0'><span style='color:#78909C'>%1</span><br>%2</p>")
                          .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
            };
            QString html;
            if (c.healthWorkerId == 0) {
                m_cardName->setText(c.platformName.isEmpty() ? tr("Unknown contact")
                                                             : tr("Unknown contact (%1)").arg(c.platformName));
                html += line(tr("Address"), c.urn);
                html += QStringLiteral("<p style='color:#546E7A'>%1</p>")
                            .arg(tr("This number is not in the directory. Link it to the health worker who writes "
                                    "from it, so their record and history follow the conversation.")
                                     .toHtmlEscaped());
                m_linkButton->show();
            } else {
                m_cardName->setText(c.active ? c.name : tr("%1 (inactive)").arg(c.name));
                html += line(tr("Cadre"), c.cadre);
                html += line(tr("Job"), c.job);
                html += line(tr("Facility"), c.facility);
                html += line(tr("District"), c.district);
                html += line(tr("Phones"), c.phones.join(QStringLiteral(", ")));
                html += line(tr("Language"), c.language);
                html += line(tr("Source"), c.source);
                m_linkButton->hide();
            }
            if (!c.optOutStatus.isEmpty())
                html += QStringLiteral("<p style='color:#C62828'>%1</p>")
                            .arg(tr("Opted out (%1)").arg(c.optOutStatus).toHtmlEscaped());
            m_liftOptOutButton->setVisible(c.optOutStatus == QLatin1String("stopped"));
            m_cardDetails->setText(html);
        });
}

void ConversationsPage::loadCounts()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return messaging::loadCounts(db); },
        [this](const Result<messaging::QueueCounts>& counts) {
            if (!counts)
                return; // the counts wait for the next change; the list shows errors
            const bool first
                = m_counts.unassigned == 0 && m_counts.mine == 0 && m_counts.open == 0 && m_counts.resolved == 0;
            m_counts = *counts;
            auto label = [](const QString& name, qint64 n) { return QStringLiteral("%1 (%2)").arg(name).arg(n); };
            m_viewButtons->button(int(QueueView::Unassigned))->setText(label(tr("Unassigned"), m_counts.unassigned));
            m_viewButtons->button(int(QueueView::Mine))->setText(label(tr("Mine"), m_counts.mine));
            m_viewButtons->button(int(QueueView::Open))->setText(label(tr("All open"), m_counts.open));
            m_viewButtons->button(int(QueueView::Resolved))->setText(label(tr("Resolved"), m_counts.resolved));
            Q_EMIT unreadCountChanged(int(m_counts.mineUnread));
            if (first && m_counts.mine > 0 && m_list->view() == QueueView::Unassigned && !m_current)
                setView(QueueView::Mine);
        });
}

void ConversationsPage::loadPolicy()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return messaging::loadFreeTextPolicy(db); },
        [this](const Result<QString>& policy) {
            m_templatesOnly = !policy || *policy != QLatin1String("free_text");
            m_composer->setTemplatesOnly(m_templatesOnly);
        });
}

void ConversationsPage::onNotification(const QString& channel, const QString& payload)
{
    bool ok = false;
    const qint64 id = payload.toLongLong(&ok);
    if (!ok)
        return;
    if (channel == notify::kConversation) {
        m_list->refreshConversation(id);
        m_countsTimer->start();
    } else if (channel == notify::kMessage || channel == notify::kMedia) {
        if (id == currentConversation())
            m_thread->refresh();
        if (id == currentConversation() && channel == notify::kMessage)
            loadReplyWindow(); // a failure (131047, 131026) changes what the composer offers
    } else if (channel == notify::kNote) {
        if (id == currentConversation())
            m_notesPanel->reload();
    }
}

void ConversationsPage::onConversationRefreshed(const ConversationRow& row)
{
    const int before = m_knownUnread.value(row.id, 0);
    m_knownUnread[row.id] = row.unreadCount;
    const bool mineOrUnassigned = row.assignee.isEmpty() || isMine(row);
    if (row.unreadCount > before && row.lastMessageDirection == QLatin1String("in") && mineOrUnassigned
        && row.status != QLatin1String("resolved") && m_notifier && !(window() && window()->isActiveWindow())) {
        m_notifier->notify(tr("New message from %1").arg(row.contactName), row.lastMessageText);
    }
    if (m_current && m_current->id == row.id) {
        const bool relinked = m_current->healthWorkerId != row.healthWorkerId;
        const bool optOutChanged = m_current->optedOut != row.optedOut;
        m_current = row;
        if (relinked || optOutChanged)
            loadCard();
        if (relinked)
            m_notesPanel->reload(); // the person's notes from other conversations
        updateHeader();
        markReadIfNeeded();
        loadReplyWindow(); // a new inbound message reopens the window
    }
}

void ConversationsPage::markReadIfNeeded()
{
    if (!m_current || m_current->unreadCount == 0 || !isVisible() || !(window() && window()->isActiveWindow()))
        return;
    if (!m_current->assignee.isEmpty() && !isMine(*m_current))
        return; // a supervisor looking in does not clear the agent's unread mark
    const qint64 id = m_current->id;
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::markRead(db, id); }, [](const Status&) {});
}

void ConversationsPage::showMessage(const QString& text, bool error)
{
    m_messageBar->setText(text);
    m_messageBar->setStyleSheet(error ? QStringLiteral("background: #FDECEA; color: #8E1B1B; border-radius: 4px;")
                                      : QStringLiteral("background: #E3F2EC; color: #0B5138; border-radius: 4px;"));
    m_messageBar->setProperty("error", error);
    m_messageBar->show();
}

void ConversationsPage::clearMessage()
{
    m_messageBar->clear();
    m_messageBar->hide();
}

void ConversationsPage::runAction(const std::function<Status(QSqlDatabase&)>& job, const QString& done)
{
    if (!m_current || m_busy)
        return;
    const qint64 id = m_current->id;
    m_busy = true;
    updateHeader();
    clearMessage();
    m_database.run(
        this, [job](QSqlDatabase& db) { return job(db); },
        [this, id, done](const Status& status) {
            m_busy = false;
            if (!status)
                showMessage(status.error().message);
            else if (!done.isEmpty())
                showMessage(done, false);
            // The notification will say the same; re-reading now keeps the buttons honest meanwhile.
            m_list->refreshConversation(id);
            m_countsTimer->start();
            updateHeader();
        });
}

void ConversationsPage::claim()
{
    if (!m_current || m_busy)
        return;
    const qint64 id = m_current->id;
    m_busy = true;
    updateHeader();
    clearMessage();
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::claim(db, id); },
        [this, id](const Result<messaging::ClaimOutcome>& outcome) {
            m_busy = false;
            if (!outcome)
                showMessage(outcome.error().message);
            else if (!outcome->claimed)
                showMessage(tr("%1 already has this conversation.").arg(outcome->assigneeName));
            m_list->refreshConversation(id);
            m_countsTimer->start();
            updateHeader();
        });
}

void ConversationsPage::showAssignMenu()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return messaging::loadAssignable(db); },
        [this](const Result<QList<messaging::Assignable>>& people) {
            if (!people) {
                showMessage(people.error().message);
                return;
            }
            auto* menu = new QMenu(this);
            menu->setObjectName(QStringLiteral("assignMenu"));
            menu->setAttribute(Qt::WA_DeleteOnClose);
            for (const messaging::Assignable& person : *people) {
                QAction* action = menu->addAction(person.displayName);
                const QString role = person.roleName;
                const QString name = person.displayName;
                connect(action, &QAction::triggered, this, [this, role, name] {
                    const qint64 id = currentConversation();
                    runAction([id, role](QSqlDatabase& db) { return messaging::assign(db, id, role); },
                              tr("Assigned to %1.").arg(name));
                });
            }
            menu->popup(m_assignButton->mapToGlobal(QPoint(0, m_assignButton->height())));
        });
}

void ConversationsPage::loadMediaRules()
{
    if (!m_current)
        return;
    const qint64 id = m_current->id;
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::loadMediaRules(db, id); },
        [this, id](const Result<messaging::MediaRules>& rules) {
            if (rules && currentConversation() == id)
                m_composer->setMediaRules(*rules);
        });
}

void ConversationsPage::chooseAttachment()
{
    // Not modal for the page's event loop: the answer comes back through a signal.
    auto* dialog = new QFileDialog(this, tr("Attach a file"));
    dialog->setObjectName(QStringLiteral("attachDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Pictures, audio, video and PDF (*.jpg *.jpeg *.png *.mp3 *.m4a *.ogg *.oga *.opus "
                               "*.mp4 *.pdf)"),
                            tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, m_composer,
            [this](const QString& path) { m_composer->attachFile(path); });
    dialog->open();
}

void ConversationsPage::sendReply(const QString& text, qint64 templateVersion)
{
    if (!m_current)
        return;
    const qint64 id = m_current->id;
    m_composer->setBusy(true);
    clearMessage();
    const std::optional<messaging::OutgoingAttachment> attachment = m_composer->attachment();
    m_database.run(
        this,
        [id, text, templateVersion, attachment](QSqlDatabase& db) -> Result<qint64> {
            if (!attachment)
                return messaging::reply(db, id, text, templateVersion);
            // The thumbnail is made here, off the GUI thread, once: the thread shows it at once.
            messaging::OutgoingAttachment file = *attachment;
            if (file.contentType.startsWith(QLatin1String("image/")))
                file.thumbnail = channels::MediaStore::makeThumbnail(file.bytes);
            return messaging::replyWithMedia(db, id, text, templateVersion, file);
        },
        [this, id, templateVersion](const Result<qint64>& message) {
            m_composer->setBusy(false);
            if (!message) {
                showMessage(message.error().message);
                return;
            }
            if (currentConversation() == id)
                m_suggestions->recordSent(templateVersion); // the learning loop
            if (currentConversation() == id) {
                m_composer->clear();
                m_thread->refresh();
            }
        });
}

void ConversationsPage::retryMessage(qint64 messageId)
{
    runAction([messageId](QSqlDatabase& db) { return messaging::retry(db, messageId); }, tr("Sending again."));
}

void ConversationsPage::loadReplyWindow()
{
    if (!m_current)
        return;
    const qint64 id = m_current->id;
    const int generation = ++m_windowGeneration;
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::loadReplyWindow(db, id); },
        [this, id, generation](const Result<messaging::ReplyWindow>& window) {
            if (generation != m_windowGeneration || currentConversation() != id)
                return; // a newer answer, or another conversation, is on screen
            if (!window) {
                showMessage(window.error().message);
                return;
            }
            m_replyWindow = *window;
            m_composer->setReplyWindow(*window);
            m_smsBanner->setVisible(window->notOnWhatsApp);
        });
}

void ConversationsPage::writeBySms()
{
    if (!m_current || m_busy)
        return;
    const qint64 id = m_current->id;
    m_writeBySms->setEnabled(false);
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::startSmsConversation(db, id); },
        [this](const Result<qint64>& sms) {
            m_writeBySms->setEnabled(true);
            if (!sms) {
                showMessage(sms.error().message);
                return;
            }
            m_countsTimer->start();
            openConversation(*sms);
        });
}

void ConversationsPage::liftOptOut()
{
    if (!m_cardData)
        return;
    const qint64 urnId = m_cardData->urnId;
    // The database decides (they must have written again since); the card follows its answer.
    // The row's refresh after it brings the card and the composer along (opt-out changed).
    runAction([urnId](QSqlDatabase& db) { return messaging::liftOptOut(db, urnId); },
              tr("The opt-out is lifted: messages can be sent to this person again."));
}

void ConversationsPage::linkContact()
{
    if (!m_cardData)
        return;
    const qint64 urnId = m_cardData->urnId;
    // A Messenger or Telegram id says nothing the directory knows; the name the person gave the
    // platform is the better first search.
    const QString scheme = m_cardData->urn.section(QLatin1Char(':'), 0, 0);
    const QString search = scheme == QLatin1String("tel") || scheme == QLatin1String("whatsapp")
        ? m_cardData->urn.section(QLatin1Char(':'), 1)
        : m_cardData->platformName;
    auto* dialog = new LinkContactDialog(m_database, m_cardData->urn, search, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, urnId] {
        const qint64 worker = dialog->selectedHealthWorker();
        if (worker == 0)
            return;
        runAction([urnId, worker](QSqlDatabase& db) { return messaging::linkContact(db, urnId, worker); },
                  tr("Linked to the directory."));
    });
    dialog->open();
}

} // namespace mhero::ui
