package io.devshare.project;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.ServiceSmokeTest;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
class SmokeTest extends ServiceSmokeTest {}
