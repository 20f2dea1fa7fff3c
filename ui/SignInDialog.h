// Sign-in at the desk: an operator of the registry signs in with name and password.
#pragma once

#include "tamga/core/Operators.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace tamga::core {
class Database;
}

namespace tamga::ui {

class SignInDialog : public QDialog {
    Q_OBJECT
public:
    SignInDialog(const core::Database& database, bool training, QWidget* parent = nullptr);
    const core::Operator& signedIn() const { return m_operator; }

    // The operator's name filled in and the focus on the password (after the first run's setup made them).
    void presetOperator(const QString& name);

    // For tests: fill the form and press Sign in.
    void signIn(const QString& name, const QString& password);

private:
    void attempt();

    const core::Database& m_database;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    core::Operator m_operator;
};

} // namespace tamga::ui
