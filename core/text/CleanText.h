#pragma once

#include <QString>

namespace mhero::text {

/// A person's name as the directory and the conversations keep it: NFC, without control
/// characters, bidirectional overrides and isolates, zero-width and other invisible format
/// characters (a name with U+202E shows reversed; one with a zero-width space looks like
/// another and escapes search), without lone surrogates, spaces collapsed. Applied on ingest
/// (FHIR, RapidPro), so every view and search sees the same clean name.
QString cleanName(const QString& name);

/// Message text as it can be stored and shown: without NUL and the other C0/C1 control
/// characters except tab, line feed and carriage return, and with each lone surrogate replaced by
/// U+FFFD. Everything else (emoji sequences with zero-width joiners included) is kept.
QString cleanMessageText(const QString& text);

/// Whether cleanMessageText() would change @p text.
bool needsCleaning(const QString& text);

} // namespace mhero::text
