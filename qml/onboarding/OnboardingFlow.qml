// SPDX-License-Identifier: MIT
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Sluice

// The onboarding pages on one stack, sharing one controller.
StackView {
    id: root

    readonly property OnboardingController controller: controller

    // Opens the flow at a given page (screenshot mode) with the state that page needs.
    function showPage(name) {
        root.clear(StackView.Immediate);
        root.push(welcome, {}, StackView.Immediate);
        switch (name) {
        case "create":
            d.openCreate(StackView.Immediate);
            break;
        case "confirm":
            d.openCreate(StackView.Immediate);
            root.push(confirm, {}, StackView.Immediate);
            break;
        case "restore":
            d.openRestore(StackView.Immediate);
            break;
        case "import":
            d.openImport(StackView.Immediate);
            break;
        case "password":
            controller.startCreate();
            root.push(password, {}, StackView.Immediate);
            break;
        }
    }

    OnboardingController {
        id: controller
        wallet: AppContext.wallet
    }

    QtObject {
        id: d

        function openCreate(transition) {
            controller.startCreate();
            root.push(create, {}, transition);
        }
        function openRestore(transition) {
            controller.reset();
            root.push(restore, {}, transition);
        }
        function openImport(transition) {
            controller.reset();
            root.push(importPage, {}, transition);
        }
        function back() {
            if (!controller.busy)
                root.pop();
            controller.clearError();
        }
    }

    Component {
        id: welcome
        WelcomePage {
            onCreateRequested: d.openCreate(StackView.PushTransition)
            onRestoreRequested: d.openRestore(StackView.PushTransition)
            onImportRequested: d.openImport(StackView.PushTransition)
        }
    }
    Component {
        id: create
        CreatePage {
            controller: root.controller
            onBackRequested: {
                root.controller.reset();
                d.back();
            }
            onProceed: root.push(confirm)
        }
    }
    Component {
        id: confirm
        ConfirmPage {
            controller: root.controller
            onBackRequested: d.back()
            onConfirmed: root.push(password)
        }
    }
    Component {
        id: restore
        RestorePage {
            controller: root.controller
            onBackRequested: d.back()
            onAccepted: root.push(password)
        }
    }
    Component {
        id: importPage
        ImportPage {
            controller: root.controller
            onBackRequested: d.back()
            onAccepted: root.push(password)
        }
    }
    Component {
        id: password
        PasswordPage {
            controller: root.controller
            onBackRequested: d.back()
        }
    }

    Component.onCompleted: root.showPage(AppContext.initialPage)
}
