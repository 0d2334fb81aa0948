#include "templates/TemplatePicker.h"

#include "db/Database.h"
#include "templates/SmsSegments.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace mhero::ui {

using namespace mhero::templates;

TemplatePicker::TemplatePicker(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("templatePicker"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("templatePickerSearch"));
    m_search->setPlaceholderText(tr("Search approved templates by name, tag or text…"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    layout->addWidget(m_search);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("templatePickerList"));
    m_list->setMinimumHeight(140);
    layout->addWidget(m_list, 1);
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("templatePickerPreview"));
    m_preview->setMaximumHeight(130);
    layout->addWidget(m_preview);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("templatePickerStatus"));
    m_status->setStyleSheet(QStringLiteral("color: #607D8B"));
    layout->addWidget(m_status);
    resize(520, 380);

    m_delay.setSingleShot(true);
    m_delay.setInterval(150);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_chooseWhenReady = false;
        m_delay.start();
    });
    connect(&m_delay, &QTimer::timeout, this, &TemplatePicker::runSearch);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatePicker::showPreview);
    connect(m_list, &QListWidget::itemActivated, this, [this] { chooseCurrent(); });
}

void TemplatePicker::setWhatsAppSource(int sourceId)
{
    m_whatsAppSource = sourceId;
}

void TemplatePicker::setRecipient(const TemplateRecipient& recipient)
{
    m_recipient = recipient;
    showPreview();
}

void TemplatePicker::setPreferredOrder(const QList<qint64>& templateIds, bool preselect)
{
    m_order = templateIds;
    m_preselect = preselect;
}

void TemplatePicker::popup(const QPoint& anchor, const QString& text)
{
    setWindowFlags(Qt::Popup);
    QPoint topLeft(anchor.x(), anchor.y() - height());
    if (const QScreen* screen = QWidget::screen())
        topLeft.setY(std::max(screen->availableGeometry().top(), topLeft.y()));
    move(topLeft);
    show();
    m_search->setFocus();
    search(text);
}

void TemplatePicker::search(const QString& text)
{
    if (m_search->text() != text) {
        const QSignalBlocker blocker(m_search);
        m_search->setText(text);
    }
    m_delay.stop();
    runSearch();
}

void TemplatePicker::runSearch()
{
    const quint64 generation = ++m_generation;
    const QString text = m_search->text();
    m_status->setText(tr("Searching…"));
    const int whatsAppSource = m_whatsAppSource;
    m_database.run(
        this, [text, whatsAppSource](QSqlDatabase& db) { return approvedTemplates(db, text, 30, whatsAppSource); },
        [this, generation, whatsAppSource](const Result<QList<ApprovedTemplate>>& found) {
            if (generation != m_generation)
                return; // a newer search is under way
            m_answered = generation;
            const bool choose = std::exchange(m_chooseWhenReady, false);
            m_list->clear();
            m_results.clear();
            if (!found) {
                m_status->setText(tr("The search failed: %1").arg(found.error().message));
                Q_EMIT resultsChanged();
                return;
            }
            m_results = *found;
            if (!m_order.isEmpty()) {
                const auto rank = [this](const ApprovedTemplate& item) {
                    const qsizetype at = m_order.indexOf(item.templateId);
                    return at < 0 ? m_order.size() : at;
                };
                std::stable_sort(
                    m_results.begin(), m_results.end(),
                    [&rank](const ApprovedTemplate& a, const ApprovedTemplate& b) { return rank(a) < rank(b); });
            }
            for (const ApprovedTemplate& item : std::as_const(m_results)) {
                auto* row = new QListWidgetItem(item.name + QStringLiteral("  ·  ") + categoryLabel(item.category));
                row->setToolTip(item.tags.join(QStringLiteral(", ")));
                m_list->addItem(row);
            }
            if (m_results.isEmpty() && whatsAppSource > 0)
                m_status->setText(tr("No template approved by WhatsApp for this number matches."));
            else
                m_status->setText(m_results.isEmpty() ? tr("No approved template matches.")
                                                      : tr("%n template(s) · Enter to use, Esc to close", nullptr,
                                                           int(m_results.size())));
            if (!m_results.isEmpty() && (m_preselect || !m_search->text().trimmed().isEmpty()))
                m_list->setCurrentRow(0);
            else
                m_list->setCurrentRow(-1);
            Q_EMIT resultsChanged();
            if (choose)
                chooseCurrent();
        });
}

PickedTemplate TemplatePicker::render(const ApprovedTemplate& item, const TemplateRecipient& recipient)
{
    PickedTemplate picked;
    picked.templateId = item.templateId;
    picked.versionId = item.versionId;
    picked.name = item.name;
    picked.language = pickLanguage(item.bodies.keys(), recipient.language, recipient.fallbackLanguages);
    picked.rendered = templates::render(item.bodies.value(picked.language),
                                        builtinValues(recipient.person, recipient.agentName, recipient.date,
                                                      picked.language));
    return picked;
}

QString TemplatePicker::highlightedHtml(const Rendered& rendered)
{
    QString out;
    qsizetype at = 0;
    for (const Span& span : rendered.unfilledSpans) {
        out += rendered.text.mid(at, span.start - at).toHtmlEscaped();
        out += QStringLiteral("<span style=\"background:#FFE082;color:#5D4037;font-weight:600\">%1</span>")
                   .arg(rendered.text.mid(span.start, span.length).toHtmlEscaped());
        at = span.start + span.length;
    }
    out += rendered.text.mid(at).toHtmlEscaped();
    return out.replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

void TemplatePicker::showPreview()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_results.size()) {
        m_preview->clear();
        return;
    }
    const PickedTemplate picked = render(m_results.at(row), m_recipient);
    const SmsSegments sms = SmsSegments::count(picked.rendered.text);
    QString html = QStringLiteral("<div style=\"color:#607D8B\">%1</div><p>%2</p>")
                       .arg(tr("%1 · %n SMS part(s)", nullptr, sms.segments).arg(picked.language.toUpper()),
                            highlightedHtml(picked.rendered));
    if (!picked.rendered.complete())
        html += QStringLiteral("<div style=\"color:#8D6E00\">%1</div>")
                    .arg(tr("To fill in before sending: %1").arg(picked.rendered.unfilled.join(QStringLiteral(", "))));
    m_preview->setHtml(html);
}

bool TemplatePicker::chooseCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_results.size())
        return false;
    const PickedTemplate picked = render(m_results.at(row), m_recipient);
    if (windowFlags().testFlag(Qt::Popup))
        hide();
    Q_EMIT templateChosen(picked);
    return true;
}

bool TemplatePicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            if (m_list->count() == 0)
                return true;
            const int step = key->key() == Qt::Key_Up ? -1 : key->key() == Qt::Key_Down ? 1
                             : key->key() == Qt::Key_PageUp ? -5 : 5;
            m_list->setCurrentRow(std::clamp(m_list->currentRow() + step, 0, m_list->count() - 1));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // A fast typist presses Enter before the results of what they typed are in: take
            // the first of those results when they arrive, never a stale one.
            if (m_delay.isActive()) {
                m_delay.stop();
                runSearch();
                m_chooseWhenReady = true;
            } else if (m_answered != m_generation) {
                m_chooseWhenReady = true;
            } else {
                chooseCurrent();
            }
            return true;
        case Qt::Key_Escape:
            if (windowFlags().testFlag(Qt::Popup))
                hide();
            Q_EMIT cancelled();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace mhero::ui
