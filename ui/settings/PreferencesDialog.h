#pragma once

#include <QDialog>

class QComboBox;

namespace mhero::ui {

/// Per-workstation preferences: the interface language (or follow the system).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    void accept() override;

private:
    QComboBox* m_language = nullptr;
};

} // namespace mhero::ui
