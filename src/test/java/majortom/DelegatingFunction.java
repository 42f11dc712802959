package majortom;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;

/**
 * The function target the test invoker loads: it hands each request to the function the current test built.
 */
public final class DelegatingFunction implements HttpFunction {

    static volatile HttpFunction delegate;

    @Override
    public void service(HttpRequest request, HttpResponse response) throws Exception {
        delegate.service(request, response);
    }
}
