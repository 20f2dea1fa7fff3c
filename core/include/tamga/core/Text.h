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

// Latin text reduced so that the usual ways of writing one Mongolian name in Latin letters meet: people write
// Өлзий as Olzii, Ulzii or Ölzii, Мөнх as Monkh, Munkh or Munh, Хүрэл as Khurel or Hurel. So o, u (and ö, ü) become
// u, "kh" becomes h and y becomes i. Applied to the Latin form of the stored search text and to a query typed in
// Latin letters; Cyrillic is searched exactly.
QString looseLatinForSearch(const QString& text);

}  // namespace tamga::core
