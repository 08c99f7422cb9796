package org.dmscloud.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;

import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.contact.ContactRateLimitException;
import org.dmscloud.api.contact.ContactService;
import org.dmscloud.api.contact.ContactTopic;
import org.dmscloud.api.contact.NewContactMessage;
import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.tenant.Tenant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /}: the landing page of the tenant whose host was asked, in its brand, with its catalog at its
 * prices; {@code POST /contact}: its Contact Us form, sent through the same contact service (and limits) as the
 * API's. Any other address no page claims answers the portal's 404 page.
 *
 * <p>Mapped at {@code /*} in the default context, ranked above the JAX-RS whiteboard's default application,
 * which Aries maps there at the lowest ranking and which serves nothing here (the API is its own application at
 * {@code /api/v1}); longer patterns (the other pages, {@code /static/*}, {@code /docs/*}) still win. Moving
 * Aries's default application elsewhere instead gives it a servlet context of its own, and Pax Web 8 and Aries
 * then deadlock when Pax Web rebuilds its contexts (seen when the API bundle restarts).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-web-landing")
@HttpWhiteboardServletPattern("/*")
@ServiceRanking(1)
public class LandingPage extends PortalPage {

    private static final long serialVersionUID = 1L;
    static final String CONTACT = "/contact";

    private final transient Catalog catalog;
    private final transient PriceCalculator calculator;
    private final transient Pricing pricing;

    private final transient ContactService contact;

    @Activate
    public LandingPage(@Reference Catalog catalog, @Reference Pricing pricing, @Reference ContactService contact, @Reference CustomerAuth customers) {
        super(customers);
        this.catalog = catalog;
        this.pricing = pricing;
        this.contact = contact;
        this.calculator = new PriceCalculator(pricing);
    }

    @Override
    protected void get(Visit visit) throws IOException {
        if (!"/".equals(visit.path())) {
            notFound(visit);
            return;
        }
        visit.render(200, "landing.jte", landing(visit, Fields.empty()), PageRenderer.Caching.PUBLIC);
    }

    @Override
    protected boolean takesPosts(String path) {
        return CONTACT.equals(path);
    }

    @Override
    protected void post(Visit visit) throws IOException {
        Map<String, String> values = visit.fields("name", "email", "company", "topic", "message");
        try {
            contact.submit(visit.tenant.id(), new NewContactMessage(values.get("name"), values.get("email"), values.get("company"), values.get("topic"),
                    values.get("message")), PortalRequest.clientAddress(visit.http));
            visit.message(200, visit.texts.get("contact.title"), visit.texts.format("contact.sent", values.get("email")));
        } catch (InvalidInputException e) {
            visit.render(400, "landing.jte", landing(visit, new Fields(values, e.fields())), PageRenderer.Caching.PERSONAL);
        } catch (ContactRateLimitException e) {
            visit.answer.setHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            visit.message(429, visit.texts.get("contact.title"), e.getMessage());
        }
    }

    /** The landing page, with the contact form as the visitor left it (empty at first). */
    Landing landing(Visit visit, Fields contactFields) {
        Tenant tenant = visit.tenant;
        Texts texts = visit.texts;
        List<CatalogPackage> packages = catalog.packages(tenant.id()).stream().filter(CatalogPackage::priced).toList();
        List<CatalogOption> options = catalog.options(tenant.id()).stream().filter(CatalogOption::priced).toList();
        List<Landing.PackageOffer> offers = new ArrayList<>();
        for (CatalogPackage offer : packages) {
            offers.add(new Landing.PackageOffer(offer.id(), offer.name(), offer.description(),
                    texts.format("packages.devices", offer.devices().min(), offer.devices().max()), priceFrom(tenant, offer, texts)));
        }
        Calculation calculation = calculator.calculate(visit.http.getParameterMap(), tenant.id(), tenant.settings().currency(), packages, options, texts);
        List<ContactForm.Topic> topics = Arrays.stream(ContactTopic.values()).map(topic -> new ContactForm.Topic(topic.wireName(), topic.title())).toList();
        Page page = visit.page(texts.format("landing.title", tenant.brandName()));
        return new Landing(page, offers, options.stream().map(option -> new Landing.OptionOffer(option.id(), option.name(), option.description())).toList(),
                calculation, faq(texts), new ContactForm(page.csrf(), topics, contactFields));
    }

    /** The package's daily rate at its fewest devices and no options; empty if its pricing refuses even that. */
    private String priceFrom(Tenant tenant, CatalogPackage offer, Texts texts) {
        try {
            return MoneyFormat.format(pricing.dailyRate(tenant.id(), InstanceConfiguration.of(offer.id(), offer.devices().min(), Set.of()),
                    tenant.settings().currency()).total(), texts.locale());
        } catch (InvalidConfigurationException | PricingUnavailableException e) {
            return "";
        }
    }

    /** The FAQ's questions in order, {@code faq.1.question} and {@code faq.1.answer} on, as many as the texts have. */
    private static List<Landing.Question> faq(Texts texts) {
        List<Landing.Question> questions = new ArrayList<>();
        for (int i = 1; texts.has("faq." + i + ".question"); i++) {
            questions.add(new Landing.Question(texts.get("faq." + i + ".question"), texts.get("faq." + i + ".answer")));
        }
        return questions;
    }
}
