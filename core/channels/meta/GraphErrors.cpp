#include "channels/meta/GraphErrors.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace mhero::meta {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::meta", text); // lupdate's context for tr() here
}
} // namespace

std::optional<GraphError> graphError(const net::HttpOutcome& outcome)
{
    const QJsonObject error = QJsonDocument::fromJson(outcome.body).object().value(QLatin1String("error")).toObject();
    if (error.isEmpty() || !error.contains(QLatin1String("code")))
        return std::nullopt;
    GraphError e;
    e.code = error.value(QLatin1String("code")).toInt();
    e.subcode = error.value(QLatin1String("error_subcode")).toInt();
    e.message = error.value(QLatin1String("message")).toString().left(300);
    const QString details = error.value(QLatin1String("error_data")).toObject().value(QLatin1String("details")).toString();
    if (!details.isEmpty() && details != e.message)
        e.message += QLatin1String(" — ") + details.left(300);
    return e;
}

QString explainCode(int code, int subcode, const QString& platform)
{
    switch (code) {
    case 131047:
        return tr("More than 24 hours have passed since the person last wrote: only an approved WhatsApp template "
                  "can reach them now.");
    case 131026:
        return tr("This number cannot receive WhatsApp messages (not on WhatsApp, or an old app): try SMS.");
    case 131056:
        return tr("Too many messages to this person in a short time; it will be sent again shortly.");
    case 130429:
        return tr("WhatsApp's sending rate for this number was reached; sending resumes shortly.");
    case 132000:
        return tr("The WhatsApp template takes a different number of values than were given.");
    case 132001:
        return tr("WhatsApp has no approved template of this name in this language.");
    case 132015:
        return tr("The WhatsApp template is paused (too many people blocked or reported it).");
    case 132016:
        return tr("The WhatsApp template is disabled.");
    case 131008:
        return tr("A value of the template is missing.");
    case 131009:
        return tr("WhatsApp refused a value of the message as invalid.");
    case 190:
        return tr("%1 refused the access token (expired or revoked): IT must enter a new one.").arg(platform);
    case 551:
        return tr("This person is not available on Messenger right now.");
    case 10:
        if (subcode == 2018278)
            return tr("Messenger allows replies only within 24 hours of the person's last message (7 days for a "
                      "human agent's reply).");
        break;
    case 100:
        if (subcode == 2018001)
            return tr("Messenger knows no such person for this Page.");
        break;
    default:
        break;
    }
    return {};
}

namespace {
channels::SendOutcome classify(const net::HttpOutcome& outcome, const QString& platform,
                               const std::optional<GraphError>& error);
} // namespace

channels::SendOutcome sendFailure(const net::HttpOutcome& outcome, const QString& platform)
{
    const std::optional<GraphError> error = graphError(outcome);
    channels::SendOutcome result = classify(outcome, platform, error);
    if (error)
        result.errorCode = error->code;
    return result;
}

namespace {
channels::SendOutcome classify(const net::HttpOutcome& outcome, const QString& platform,
                               const std::optional<GraphError>& error)
{
    using channels::SendOutcome;
    if (!outcome.refusal.isEmpty())
        return SendOutcome::transientFailure(outcome.refusal, true);
    QString reason;
    if (error) {
        const QString ours = explainCode(error->code, error->subcode, platform);
        reason = QString::number(error->code) + QLatin1String(": ") + (ours.isEmpty() ? error->message : ours);
    } else {
        reason = outcome.describe();
    }
    const int code = error ? error->code : 0;
    if (code == 190 || outcome.status == 401 || outcome.status == 403)
        return SendOutcome::transientFailure(reason, true);
    if (outcome.status == 429 || code == 4 || code == 80007 || code == 130429 || code == 613)
        return SendOutcome::throttled(net::HttpClient::throttleDelayMs(outcome));
    if (outcome.status == 0 || outcome.status >= 500) {
        if (outcome.uncertain)
            return SendOutcome::uncertain(
                QCoreApplication::translate("mhero::meta", "%1 may or may not have accepted it (%2).")
                    .arg(platform, outcome.describe()));
        return SendOutcome::transientFailure(reason);
    }
    if (code == 131056 || code == 1200 || code == 2 || code == 131000)
        return SendOutcome::transientFailure(reason);
    return SendOutcome::permanentFailure(reason);
}
} // namespace

} // namespace mhero::meta
