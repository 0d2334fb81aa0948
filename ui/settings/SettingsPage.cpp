#include "settings/SettingsPage.h"

#include "common/PageParts.h"
#include "db/Database.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mhero::ui {

namespace {
enum Column { KeyColumn, ValueColumn, AllowedColumn, ChangedColumn, ColumnCount };
enum Editor { ChoiceEditor, NumberEditor, RegionEditor };

} // namespace

SettingsPage::SettingsPage(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->addWidget(pageTitle(tr("Settings")));
    auto* intro = mutedLabel(tr("This deployment's settings, shared by every console and the sync engine. The database "
                                "checks each value and records each change in the audit log."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("settingsTable"));
    m_table->setHorizontalHeaderLabels({tr("Setting"), tr("Value"), tr("Allowed"), tr("Last change")});
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AllowedColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    m_description = new QLabel;
    m_description->setObjectName(QStringLiteral("settingDescription"));
    m_description->setWordWrap(true);
    layout->addWidget(m_description);

    auto* editRow = new QHBoxLayout;
    m_editors = new QStackedWidget;
    m_choice = new QComboBox;
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents); // choices are words now, not keys
    m_choice->setObjectName(QStringLiteral("settingChoice"));
    m_number = new QSpinBox;
    m_number->setObjectName(QStringLiteral("settingNumber"));
    m_number->setGroupSeparatorShown(true);
    m_region = new QLineEdit;
    m_region->setObjectName(QStringLiteral("settingRegion"));
    m_region->setMaxLength(2);
    m_region->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,2}")), m_region));
    m_editors->insertWidget(ChoiceEditor, m_choice);
    m_editors->insertWidget(NumberEditor, m_number);
    m_editors->insertWidget(RegionEditor, m_region);
    m_editors->setMaximumWidth(420);
    m_apply = new QPushButton(tr("Apply"));
    m_apply->setObjectName(QStringLiteral("applySettingButton"));
    m_apply->setEnabled(false);
    editRow->addWidget(m_editors);
    editRow->addWidget(m_apply);
    editRow->addStretch(1);
    layout->addLayout(editRow);

    m_status = mutedLabel();
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_table, &QTableWidget::currentCellChanged, this, &SettingsPage::showEditor);
    connect(m_apply, &QPushButton::clicked, this, &SettingsPage::apply);
    connect(m_region, &QLineEdit::returnPressed, this, &SettingsPage::apply);
    connect(&database, &Database::reconnected, this, &SettingsPage::refresh);
    refresh();
}

void SettingsPage::refresh()
{
    m_database.run(
        this, [](QSqlDatabase& db) { return settings::list(db); },
        [this](const Result<QList<settings::Setting>>& result) {
            if (!result) {
                m_status->setText(tr("The settings could not be loaded: %1").arg(result.error().message));
                return;
            }
            m_settings = *result;
            fill();
            Q_EMIT loaded();
        });
}

void SettingsPage::selectSetting(const QString& key)
{
    for (int row = 0; row < m_settings.size(); ++row)
        if (m_settings.at(row).key == key) {
            m_table->setCurrentCell(row, ValueColumn);
            return;
        }
    m_pendingKey = key;
}

void SettingsPage::fill()
{
    const QString current = m_table->currentRow() >= 0 && m_table->currentRow() < m_table->rowCount()
        ? m_table->item(m_table->currentRow(), KeyColumn)->data(Qt::UserRole).toString()
        : m_pendingKey;
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_settings.size()));
    const QLocale locale;
    for (int row = 0; row < m_settings.size(); ++row) {
        const settings::Setting& s = m_settings.at(row);
        // People read a label; the key (what `mhero-admin setting` and the audit log name) is
        // the tooltip. A key this program does not know yet shows as it is.
        const std::optional<settings::SettingText> text = settings::describe(s.key);
        auto* key = new QTableWidgetItem(text ? text->label : s.key);
        key->setData(Qt::UserRole, s.key);
        key->setToolTip(s.key);
        auto* value = new QTableWidgetItem(s.value.isEmpty() ? tr("(default)") : settings::displayValue(s, s.value));
        value->setToolTip(s.value);
        if (s.value.isEmpty())
            value->setForeground(palette().color(QPalette::PlaceholderText));
        auto* changed = new QTableWidgetItem(
            s.updatedAt.isValid()
                ? tr("%1 by %2").arg(locale.toString(s.updatedAt.toLocalTime(), QLocale::ShortFormat), s.updatedBy)
                : QString());
        m_table->setItem(row, KeyColumn, key);
        m_table->setItem(row, ValueColumn, value);
        m_table->setItem(row, AllowedColumn, new QTableWidgetItem(settings::displayAllowed(s)));
        m_table->setItem(row, ChangedColumn, changed);
    }
    m_pendingKey.clear();
    int select = 0;
    for (int row = 0; row < m_settings.size(); ++row)
        if (m_settings.at(row).key == current)
            select = row;
    if (!m_settings.isEmpty())
        m_table->setCurrentCell(select, ValueColumn);
    showEditor();
}

void SettingsPage::showEditor()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_settings.size()) {
        m_description->clear();
        m_apply->setEnabled(false);
        return;
    }
    const settings::Setting& s = m_settings.at(row);
    const std::optional<settings::SettingText> text = settings::describe(s.key);
    m_description->setText(
        QStringLiteral("<b>%1</b> — %2<br><span style=\"color:#607D8B\">%3</span>")
            .arg((text ? text->label : s.key).toHtmlEscaped(),
                 (text ? text->description : s.description).toHtmlEscaped(),
                 tr("Allowed: %1 · key: %2").arg(settings::displayAllowed(s), s.key).toHtmlEscaped()));
    m_description->setToolTip(s.key);
    if (s.kind == QLatin1String("integer")) {
        m_number->setSuffix(text && !text->unit.isEmpty() ? QStringLiteral(" ") + text->unit : QString());
        m_number->setRange(s.minimum, s.maximum);
        m_number->setValue(s.value.isEmpty() ? s.minimum : s.value.toInt());
        m_editors->setCurrentIndex(NumberEditor);
    } else if (s.kind == QLatin1String("choice")) {
        m_choice->clear();
        for (const QString& choice : s.choices)
            m_choice->addItem(settings::choiceLabel(s.key, choice), choice);
        m_choice->setCurrentIndex(std::max(0, int(s.choices.indexOf(s.value))));
        m_editors->setCurrentIndex(ChoiceEditor);
    } else {
        m_region->setText(s.value);
        m_editors->setCurrentIndex(RegionEditor);
    }
    m_apply->setEnabled(true);
}

QString SettingsPage::editedValue() const
{
    switch (m_editors->currentIndex()) {
    case ChoiceEditor:
        return m_choice->currentData().toString();
    case NumberEditor:
        return QString::number(m_number->value());
    default:
        return m_region->text().toUpper();
    }
}

void SettingsPage::apply()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_settings.size())
        return;
    const settings::Setting setting = m_settings.at(row);
    const QString key = setting.key;
    const QString value = editedValue();
    m_apply->setEnabled(false);
    m_status->setText(tr("Saving…"));
    m_database.run(
        this, [key, value](QSqlDatabase& db) { return settings::set(db, key, value); },
        [this, setting, key, value](const Status& done) {
            m_apply->setEnabled(true);
            if (!done) {
                m_status->setStyleSheet(QStringLiteral("color: #B71C1C;"));
                m_status->setText(tr("Not changed: %1").arg(done.error().message));
                Q_EMIT applied(false);
                return;
            }
            m_status->setStyleSheet(QString());
            const std::optional<settings::SettingText> text = settings::describe(key);
            m_status->setText(
                tr("%1 is now %2.").arg(text ? text->label : key, settings::displayValue(setting, value)));
            m_pendingKey = key;
            refresh();
            Q_EMIT applied(true);
        });
}

} // namespace mhero::ui
