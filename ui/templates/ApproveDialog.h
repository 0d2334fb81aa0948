#pragma once

#include "templates/TemplateStore.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace mhero::ui {

/// Asks before a version is approved, showing what agents will send from then on: the template,
/// the version, its languages and every body in full. When the version rewrote some languages
/// but left others word for word as in the version in use (the English changed, the French and
/// Portuguese did not), it says so first and Cancel becomes the default, so that a quick
/// Ctrl+Enter, Enter does not approve translations that may now say the old thing.
class ApproveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApproveDialog)

public:
    explicit ApproveDialog(const templates::PendingApproval& pending, QWidget* parent = nullptr);

    /// Whether the languages-left-behind warning is shown.
    [[nodiscard]] bool warns() const { return m_warns; }

private:
    QLabel* m_summary = nullptr;
    QLabel* m_warning = nullptr;
    QTextBrowser* m_bodies = nullptr;
    QPushButton* m_approve = nullptr;
    bool m_warns = false;
};

} // namespace mhero::ui
