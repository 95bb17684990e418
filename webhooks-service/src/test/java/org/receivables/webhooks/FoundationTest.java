package org.receivables.webhooks;

import io.quarkus.test.junit.QuarkusTest;
import org.receivables.kit.testing.ServiceFoundationContract;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {}
