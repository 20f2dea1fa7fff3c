#include "tamga/core/CivilId.h"

namespace tamga::core {

namespace {

// The Cyrillic capitals used in Mongolian, with Ө and Ү.
bool isMongolianCyrillicCapital(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x0410 && u <= 0x042F) || u == 0x0401 || u == 0x04E8 || u == 0x04AE;
}

} // namespace

CoreResult<CivilId> parseCivilId(const QString& input)
{
    QString text = input.normalized(QString::NormalizationForm_C).trimmed().toUpper();
    text.remove(QLatin1Char(' '));
    auto invalid = [&](const QString& why) {
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("civil ID \"%1\" is not valid: %2").arg(input.trimmed(), why));
    };
    if (text.size() != 10)
        return invalid(QStringLiteral("it must be two Cyrillic letters and eight digits, e.g. УБ90010112"));
    if (!isMongolianCyrillicCapital(text[0]) || !isMongolianCyrillicCapital(text[1]))
        return invalid(QStringLiteral("it must start with two Cyrillic letters"));
    for (int i = 2; i < 10; ++i) {
        if (!text[i].isDigit() || text[i].unicode() > '9')
            return invalid(QStringLiteral("the last eight characters must be digits"));
    }
    const int yy = text.mid(2, 2).toInt();
    int month = text.mid(4, 2).toInt();
    const int day = text.mid(6, 2).toInt();
    int year = 1900 + yy;
    if (month >= 21 && month <= 32) {
        month -= 20;
        year = 2000 + yy;
    }
    if (month < 1 || month > 12) {
        return invalid(
            QStringLiteral("%1 is not a month (01-12, or 21-32 for births from 2000 on)").arg(text.mid(4, 2)));
    }
    const QDate birthDate(year, month, day);
    if (!birthDate.isValid())
        return invalid(QStringLiteral("%1-%2-%3 is not a date")
                           .arg(year)
                           .arg(month, 2, 10, QLatin1Char('0'))
                           .arg(day, 2, 10, QLatin1Char('0')));
    if (birthDate > QDate::currentDate())
        return invalid(QStringLiteral("the birth date %1 is in the future").arg(birthDate.toString(Qt::ISODate)));
    return CivilId{text, birthDate};
}

} // namespace tamga::core
