// Text as the registry stores and searches it.
#pragma once

#include <QString>

namespace tamga::core {

// NFC, surrounding white space trimmed, inner runs of white space collapsed to one space.
QString normalizedText(const QString& text);

// Mongolian Cyrillic written in Latin letters, the way people type names on a Latin keyboard
// (after MNS 5217:2012, with ө -> o and ү -> u so that plain ASCII finds them). Other characters pass through.
QString latinTransliteration(const QString& text);

// The form both the stored search text and a query are reduced to: NFC, lower case, Latin diacritics of
// ö/ü dropped (so "Ölziibat" finds "Өлзийбат" through its transliteration).
QString foldForSearch(const QString& text);

}  // namespace tamga::core
