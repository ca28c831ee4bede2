// SPDX-License-Identifier: MIT
#pragma once
// Stands in for the user at a TransactionReview (the review dialog of the bridge and of "Send
// through L1"): records what each review showed, then approves it (or declines, when `decline`).

#include <QMetaObject>
#include <QObject>
#include <QStringList>

#include "common/transactionreview.h"

class ReviewApprover : public QObject {
public:
    // One line per review: "<L1|L2> chain <id>: <amount> ETH to <recipient>, total at most <maxTotal>".
    QStringList shown;
    bool decline = false;

    explicit ReviewApprover(TransactionReview* review) {
        connect(review, &TransactionReview::changed, this, [this, review] {
            if (!review->active()) return;
            shown << QStringLiteral("%1 chain %2: %3 ETH to %4, total at most %5")
                         .arg(review->layer() == TransactionReview::Layer::L1 ? QStringLiteral("L1")
                                                                              : QStringLiteral("L2"),
                              review->chainId(), review->amount(), review->recipient(), review->maxTotal());
            // Answered from the event loop, as a click would be.
            QMetaObject::invokeMethod(review, decline ? &TransactionReview::decline : &TransactionReview::approve,
                                      Qt::QueuedConnection);
        });
    }
};
