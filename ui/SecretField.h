// Taking a PIN or password out of a QLineEdit: into a wiping buffer, with the intermediate bytes zeroed and the
// field cleared. (Qt's own copy inside the field is freed without wiping; password-mode fields keep no undo.)
#pragma once

#include "tamga/secret/SecretBuffer.h"

#include <QByteArray>
#include <QLineEdit>
#include <QString>

namespace tamga::ui {

inline SecretBuffer takeSecret(QLineEdit* field)
{
    QString text = field->text();
    field->clear();
    QByteArray bytes = text.toUtf8();
    text.fill(QLatin1Char('\0'));
    SecretBuffer secret(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    bytes.fill('\0');
    return secret;
}

} // namespace tamga::ui
