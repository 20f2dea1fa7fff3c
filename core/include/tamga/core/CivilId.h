// The Mongolian civil registration number (регистрийн дугаар): two Cyrillic letters and eight digits whose first
// six are the birth date YYMMDD; for births from 2000 on, the month is written with 20 added (May 2005 -> 25).
#pragma once

#include "tamga/core/CoreError.h"

#include <QDate>
#include <QString>

namespace tamga::core {

struct CivilId {
    QString text; // normalized: NFC, upper case, no spaces, e.g. "УБ90010112"
    QDate birthDate;
};

// Validates the shape and the date. Lower-case letters are accepted and upper-cased; anything else that is
// wrong is reported (what and why), never guessed at.
[[nodiscard]] CoreResult<CivilId> parseCivilId(const QString& input);

} // namespace tamga::core
