// The clerk's hands for GUI tests: key presses go to the widget that has the focus in the window (as they do at
// the desk, and from there to the dialog when the widget leaves them), clicks go to the widget under the mouse.
// No test calls the wizard's methods to move on: a page that Enter skips, or a field the focus misses, shows.
#pragma once

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QListWidget>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

#include <memory>

namespace tamga::test {

inline QWidget* focusIn(QWidget* window)
{
    QApplication::processEvents();
    QWidget* focused = window->focusWidget();
    return focused ? focused : window;
}

inline void press(QWidget* window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(focusIn(window), key, modifiers);
    QApplication::processEvents();
}

// Types into whatever has the focus, as a keyboard (or a barcode reader) would.
inline void type(QWidget* window, const QString& text)
{
    QWidget* target = focusIn(window);
    for (QChar c : text) {
        // QTest maps only ASCII to key codes; a Cyrillic letter comes as a key event with just its text, as a
        // keyboard layout without that key delivers it.
        if (c.unicode() < 128)
            QTest::keyClick(target, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, target, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
    QApplication::processEvents();
}

inline void click(QWidget* widget)
{
    // A check box stretched across its page reacts only on its box and its text: the clerk clicks the box.
    const QPoint where = qobject_cast<QCheckBox*>(widget) ? QPoint(8, widget->height() / 2) : widget->rect().center();
    QTest::mouseClick(widget, Qt::LeftButton, Qt::NoModifier, where);
    QApplication::processEvents();
}

inline void clickItem(QListWidget* list, QListWidgetItem* item)
{
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(item).center());
    QApplication::processEvents();
}

// Answers the next message box that opens (it is modal: the answer must be set up before the click that opens it)
// by clicking `button`; the text it showed is kept in `shown` when given.
inline void answerNextMessageBox(QMessageBox::StandardButton button, QString* shown = nullptr)
{
    auto* timer = new QTimer;
    auto ticks = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, shown, ticks] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            if (++*ticks > 500) // no box within 5 s: this answer is not for a later one
                timer->deleteLater();
            return;
        }
        if (shown)
            *shown = box->text();
        timer->deleteLater();
        box->button(button)->click();
    });
    timer->start(10);
}

} // namespace tamga::test
