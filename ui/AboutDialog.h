#pragma once

#include "config/ServerProfiles.h"
#include "session/UserProfile.h"

#include <QDialog>

namespace mhero::ui {

/// Version, build, and the server the console talks to: what IT asks for on the phone.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    AboutDialog(const SessionInfo& session, const ServerProfile& profile, QWidget* parent = nullptr);
};

} // namespace mhero::ui
