#include "SignInDialog.h"

#include "SecretField.h"

#include "tamga/core/Database.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tamga::ui {

SignInDialog::SignInDialog(const core::Database& database, bool training, QWidget* parent)
    : QDialog(parent), m_database(database)
{
    setWindowTitle(training ? tr("Tamga — sign in (TRAINING)") : tr("Tamga — sign in"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<h2>Tamga</h2><p>Registration desk for digital-signature e-tokens</p>"), this);
    layout->addWidget(title);
    if (training) {
        auto* banner = new QLabel(tr("TRAINING DESK — practice CA and training tokens only. Sign in as "
                                     "<b>trainer</b>, password <b>trainer-desk</b>."),
                                  this);
        banner->setStyleSheet(QStringLiteral("background:#b3261e;color:white;padding:6px;font-weight:bold"));
        banner->setWordWrap(true);
        layout->addWidget(banner);
    }
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Operator:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setStyleSheet(QStringLiteral("color:#b3261e"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_name->setFocus();
}

void SignInDialog::presetOperator(const QString& name)
{
    m_name->setText(name);
    m_password->setFocus();
}

void SignInDialog::signIn(const QString& name, const QString& password)
{
    m_name->setText(name);
    m_password->setText(password);
    attempt();
}

void SignInDialog::attempt()
{
    // The password goes from the field into a wiping buffer and the field is cleared at once.
    core::Password password = takeSecret(m_password);
    auto result = core::Operators(m_database).signIn(m_name->text().trimmed(), password);
    if (!result) {
        m_message->setText(tr("Wrong operator name or password."));
        m_password->setFocus();
        return;
    }
    m_operator = *result;
    accept();
}

} // namespace tamga::ui
