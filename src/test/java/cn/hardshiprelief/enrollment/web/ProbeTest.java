package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@AppTest
class ProbeTest {
    @Autowired MockMvc mvc;

    @Test
    void probe() throws Exception {
        MvcResult r = mvc.perform(get("/engine-rest/task").with(httpBasic("head1", "demo123"))).andReturn();
        System.out.println("PROBE engine-rest " + r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
        r = mvc.perform(get("/engine-rest/task")).andReturn();
        System.out.println("PROBE engine-rest anon " + r.getResponse().getStatus());
    }

    @Test
    @WithUserDetails("admin")
    void probeCockpit() throws Exception {
        MvcResult r = mvc.perform(get("/camunda/app/cockpit/")).andReturn();
        System.out.println("PROBE cockpit admin " + r.getResponse().getStatus() + " " + r.getResponse().getForwardedUrl() + r.getResponse().getContentAsString().length());
    }
    @Test
    @WithUserDetails("worker1")
    void probeCockpitW() throws Exception {
        MvcResult r = mvc.perform(get("/camunda/app/cockpit/")).andReturn();
        System.out.println("PROBE cockpit worker1 " + r.getResponse().getStatus() + " " + r.getResponse().getForwardedUrl());
    }
}
