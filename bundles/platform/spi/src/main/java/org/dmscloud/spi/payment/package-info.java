/**
 * What a payment-provider plugin bundle contributes: a way for customers to put money on their
 * prepaid balance. The core never names a provider; it tracks every registered {@link
 * org.dmscloud.spi.payment.PaymentProvider} service.
 */
@Export
@Version("1.2.0")
package org.dmscloud.spi.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
