package org.dmscloud.rest.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A servlet filter of HTTP requests with nothing to set up or release, as Servlet 4's {@code HttpFilter} is;
 * Pax Web here speaks Servlet 3.1, which has none.
 */
abstract class HttpFilter implements Filter {

    @Override
    public void init(FilterConfig configuration) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        doFilter((HttpServletRequest) request, (HttpServletResponse) response, chain);
    }

    abstract void doFilter(HttpServletRequest request, HttpServletResponse answer, FilterChain chain) throws IOException, ServletException;
}
