#include "tamga/core/Text.h"

#include <QHash>
#include <QRegularExpression>

namespace tamga::core {

QString normalizedText(const QString& text)
{
    QString result = text.normalized(QString::NormalizationForm_C).simplified();
    // Never null: a null QString would be stored as SQL NULL.
    return result.isNull() ? QStringLiteral("") : result;
}

QString latinTransliteration(const QString& text)
{
    // Lower-case Mongolian Cyrillic -> Latin. Upper case is folded first: this text is only ever searched.
    static const QHash<QChar, QString> table{
        {QChar(0x0430), QStringLiteral("a")},  {QChar(0x0431), QStringLiteral("b")},
        {QChar(0x0432), QStringLiteral("v")},  {QChar(0x0433), QStringLiteral("g")},
        {QChar(0x0434), QStringLiteral("d")},  {QChar(0x0435), QStringLiteral("ye")},
        {QChar(0x0451), QStringLiteral("yo")}, {QChar(0x0436), QStringLiteral("j")},
        {QChar(0x0437), QStringLiteral("z")},  {QChar(0x0438), QStringLiteral("i")},
        {QChar(0x0439), QStringLiteral("i")},  {QChar(0x043A), QStringLiteral("k")},
        {QChar(0x043B), QStringLiteral("l")},  {QChar(0x043C), QStringLiteral("m")},
        {QChar(0x043D), QStringLiteral("n")},  {QChar(0x043E), QStringLiteral("o")},
        {QChar(0x04E9), QStringLiteral("o")},  {QChar(0x043F), QStringLiteral("p")},
        {QChar(0x0440), QStringLiteral("r")},  {QChar(0x0441), QStringLiteral("s")},
        {QChar(0x0442), QStringLiteral("t")},  {QChar(0x0443), QStringLiteral("u")},
        {QChar(0x04AF), QStringLiteral("u")},  {QChar(0x0444), QStringLiteral("f")},
        {QChar(0x0445), QStringLiteral("kh")}, {QChar(0x0446), QStringLiteral("ts")},
        {QChar(0x0447), QStringLiteral("ch")}, {QChar(0x0448), QStringLiteral("sh")},
        {QChar(0x0449), QStringLiteral("sh")}, {QChar(0x044A), QString()},
        {QChar(0x044B), QStringLiteral("y")},  {QChar(0x044C), QStringLiteral("i")},
        {QChar(0x044D), QStringLiteral("e")},  {QChar(0x044E), QStringLiteral("yu")},
        {QChar(0x044F), QStringLiteral("ya")},
    };
    const QString lower = text.normalized(QString::NormalizationForm_C).toLower();
    QString latin;
    latin.reserve(lower.size() * 2);
    for (QChar c : lower) {
        auto it = table.constFind(c);
        if (it != table.constEnd())
            latin += *it;
        else
            latin += c;
    }
    return latin;
}

namespace {

bool isControlOrBidi(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0x200E || c == 0x200F || c == 0x061C;
}

} // namespace

QString foldForSearch(const QString& text)
{
    // A NUL reaching the full-text query ends its string early ("unterminated string": found by the search fuzzer).
    QString spaced = text;
    for (QChar& c : spaced) {
        if (isControlOrBidi(c.unicode()))
            c = QLatin1Char(' ');
    }
    QString folded = spaced.normalized(QString::NormalizationForm_C).toLower().simplified();
    folded.replace(QChar(0x00F6), QLatin1Char('o')).replace(QChar(0x00FC), QLatin1Char('u'));
    return folded;
}

std::optional<QString> textProblem(const QString& field, const QString& text, int maxLength)
{
    const QList<uint> codePoints = text.toUcs4();
    for (uint c : codePoints) {
        if (isControlOrBidi(c)) {
            return QStringLiteral("%1 holds the control character U+%2, which is not allowed")
                .arg(field)
                .arg(c, 4, 16, QLatin1Char('0'));
        }
    }
    if (codePoints.size() > maxLength) {
        return QStringLiteral("%1 is %2 characters long; at most %3 are allowed")
            .arg(field)
            .arg(codePoints.size())
            .arg(maxLength);
    }
    return std::nullopt;
}

QString escapedForTerminal(const QString& text)
{
    QString result;
    for (uint c : text.toUcs4()) {
        if (!isControlOrBidi(c))
            result += QString::fromUcs4(reinterpret_cast<const char32_t*>(&c), 1);
        else if (c < 0x100)
            result += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        else
            result += QStringLiteral("\\u%1").arg(c, 4, 16, QLatin1Char('0'));
    }
    return result;
}

bool isPlainEmailAddress(const QString& address)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?"
                                                         ":\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"));
    return address.size() <= 128 && plain.match(address).hasMatch();
}

QString looseLatinForSearch(const QString& text)
{
    QString loose = foldForSearch(text);
    loose.replace(QStringLiteral("kh"), QStringLiteral("h"));
    loose.replace(QLatin1Char('o'), QLatin1Char('u')).replace(QLatin1Char('y'), QLatin1Char('i'));
    return loose;
}

} // namespace tamga::core
