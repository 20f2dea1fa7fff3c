// Text as the registry stores and searches it.
#pragma once

#include <QString>

#include <optional>

namespace tamga::core {

// NFC, surrounding white space trimmed, inner runs of white space collapsed to one space.
QString normalizedText(const QString& text);

// Mongolian Cyrillic written in Latin letters, the way people type names on a Latin keyboard
// (after MNS 5217:2012, with ө -> o and ү -> u so that plain ASCII finds them). Other characters pass through.
QString latinTransliteration(const QString& text);

// The form both the stored search text and a query are reduced to: NFC, lower case, Latin diacritics of
// ö/ü dropped (so "Ölziibat" finds "Өлзийбат" through its transliteration), and control or bidi characters
// (pasted into a search box; never stored) taken as spaces.
QString foldForSearch(const QString& text);

// Latin text reduced so that the usual ways of writing one Mongolian name in Latin letters meet: people write
// Өлзий as Olzii, Ulzii or Ölzii, Мөнх as Monkh, Munkh or Munh, Хүрэл as Khurel or Hurel. So o, u (and ö, ü) become
// u, "kh" becomes h and y becomes i. Applied to the Latin form of the stored search text and to a query typed in
// Latin letters; Cyrillic is searched exactly.
QString looseLatinForSearch(const QString& text);

// What is wrong with a text that is shown, printed, exported and put into certificates: a control character
// (C0 including NUL, DEL, C1), a bidirectional override or isolate (which reorders what a terminal or a receipt
// shows), or more than `maxLength` characters. `field` names it in the sentence. Nothing wrong: nullopt.
std::optional<QString> textProblem(const QString& field, const QString& text, int maxLength);

// The same text with every control or bidirectional character written as \xNN or \uNNNN: safe to print on a
// terminal, where such characters would move the cursor, recolour or reorder what follows.
QString escapedForTerminal(const QString& text);

// An e-mail address Tamga puts into a certificate: ASCII local part and domain, one '@', at most 128 characters
// (rfc822Name is an IA5String; no quoting, no comments, no spaces, no commas).
bool isPlainEmailAddress(const QString& address);

} // namespace tamga::core
