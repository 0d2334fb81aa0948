#pragma once

#include <QLatin1StringView>

#include <array>

/// The PostgreSQL NOTIFY channels mHero's writers send on and its consoles and engine LISTEN to,
/// in one place (DESIGN.md §5: "channel per kind, payload = ids"). The names are also written in
/// the SQL that notifies (triggers in resources/sql/migrations/, sources/SyncProgress.cpp);
/// tst_database's notificationChannelsAreSentBySql checks every name here is one the schema sends.
namespace mhero::notify {

/// A conversation changed (status, assignee, unread count…); payload: its id.
inline constexpr QLatin1StringView kConversation{"mhero_conversation"};
/// A message was added or its status changed; payload: the conversation id.
inline constexpr QLatin1StringView kMessage{"mhero_message"};
/// A note was added, edited or deleted; payload: the conversation id.
inline constexpr QLatin1StringView kNote{"mhero_note"};
/// A reply is waiting in the outbox; payload: the source id.
inline constexpr QLatin1StringView kOutbox{"mhero_outbox"};
/// An attachment was stored by the engine, or given up on; payload: the conversation id.
inline constexpr QLatin1StringView kMedia{"mhero_media"};
/// A sync made progress or ended; payload: the source id.
inline constexpr QLatin1StringView kSync{"mhero_sync"};
/// A template or one of its versions was created or changed (saved, submitted, decided,
/// retired); payload: the template id.
inline constexpr QLatin1StringView kTemplate{"mhero_template"};
/// Entries were added to the audit log; no payload (one notification per statement).
inline constexpr QLatin1StringView kAudit{"mhero_audit"};

inline constexpr std::array kAll{kConversation, kMessage, kMedia, kNote, kOutbox, kSync, kTemplate, kAudit};

} // namespace mhero::notify
