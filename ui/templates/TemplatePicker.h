#pragma once

#include "templates/TemplateStore.h"
#include "templates/TemplateText.h"

#include <QDate>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QTextBrowser;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// Who a template is rendered for: the health worker of the conversation, the agent, the day,
/// and the conversation's language (with fallbacks, see templates::pickLanguage()).
struct TemplateRecipient
{
    templates::PersonFields person;
    QString agentName;
    QDate date = QDate::currentDate();
    QString language; ///< the conversation's language tag ("fr", "pt-MZ"); empty if unknown
    QStringList fallbackLanguages; ///< e.g. the health worker's languages
};

/// A template chosen in the picker, rendered for its recipient.
struct PickedTemplate
{
    qint64 templateId = 0;
    qint64 versionId = 0; ///< pass to mhero.reply() (ComposerWidget::setTemplateVersion)
    QString name;
    QString language; ///< the body's language actually used
    templates::Rendered rendered; ///< text, plus the placeholders still to fill and where they stand
};

/// Search-as-you-type list of the approved templates (name, tag, category or text), for the
/// conversation composer. Each result is rendered for the recipient in the conversation's
/// language, and the chosen one is handed back with its version id, its text and the spans of
/// the placeholders nobody could fill (free placeholders, or a blank directory field) — the
/// composer highlights them and keeps Send disabled until they are replaced.
///
/// Plugging it into the composer (ui/conversations/ComposerWidget):
/// @code
///   auto* picker = new TemplatePicker(database, composer);   // one per composer, reused
///   connect(composer, &ComposerWidget::templatePickerRequested, picker, [=] {
///       picker->setRecipient(recipientOfCurrentConversation());
///       picker->popup(composer->mapToGlobal(QPoint(0, 0)), composer->typedSearchText());
///   });
///   connect(picker, &TemplatePicker::templateChosen, composer, [=](const PickedTemplate& t) {
///       composer->setTemplateVersion(t.versionId, t.rendered.text);  // + t.rendered.unfilledSpans
///   });
/// @endcode
/// popup() shows it as a Qt::Popup above @p anchor; Enter chooses, Escape closes (cancelled()),
/// Up/Down move in the list while the search field keeps the focus. It can also be embedded as
/// an ordinary child widget (then simply show() it and call search()).
class TemplatePicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatePicker)

public:
    explicit TemplatePicker(Database& database, QWidget* parent = nullptr);

    void setRecipient(const TemplateRecipient& recipient);
    /// Non-zero: offer only versions WhatsApp number @p sourceId can send as its approved
    /// WhatsApp template (outside the 24-hour window); 0: every approved version.
    void setWhatsAppSource(int sourceId);
    [[nodiscard]] int whatsAppSource() const { return m_whatsAppSource; }
    [[nodiscard]] const TemplateRecipient& recipient() const { return m_recipient; }

    /// Shows the picker as a popup whose bottom-left corner is at @p anchor (global coordinates),
    /// with @p text in the search field (what the agent typed after "/"), and searches.
    void popup(const QPoint& anchor, const QString& text = {});
    /// Searches for @p text now (no typing delay).
    void search(const QString& text);

    /// Orders the results by @p templateIds (the answer ranker's order for the message being
    /// answered; others follow in the search's order). With @p preselect false (the ranker
    /// abstained) nothing is selected while the search is empty, so Enter sends nothing by
    /// accident; once the agent types, the first match is selected as usual.
    void setPreferredOrder(const QList<qint64>& templateIds, bool preselect);

    /// The results of the last search, best first.
    [[nodiscard]] const QList<templates::ApprovedTemplate>& results() const { return m_results; }
    /// Chooses the current result (as Enter does); false when there is none.
    bool chooseCurrent();

    /// Renders @p item for @p recipient: the language by pickLanguage(), built-in values filled.
    [[nodiscard]] static PickedTemplate render(const templates::ApprovedTemplate& item,
                                               const TemplateRecipient& recipient);
    /// @p rendered as HTML with the unfilled placeholders highlighted.
    [[nodiscard]] static QString highlightedHtml(const templates::Rendered& rendered);

Q_SIGNALS:
    void templateChosen(const mhero::ui::PickedTemplate& chosen);
    void cancelled();
    /// A search finished (tests wait for it).
    void resultsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runSearch();
    void showPreview();

    Database& m_database;
    TemplateRecipient m_recipient;
    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
    QTextBrowser* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QTimer m_delay;
    QList<templates::ApprovedTemplate> m_results;
    QList<qint64> m_order;
    bool m_preselect = true;
    quint64 m_generation = 0;
    int m_whatsAppSource = 0;
    quint64 m_answered = 0;        ///< generation of the results shown
    bool m_chooseWhenReady = false; ///< Enter came before the results of what was typed
};

} // namespace mhero::ui

Q_DECLARE_METATYPE(mhero::ui::PickedTemplate)
