package io.devshare.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import io.devshare.common.org.OrgContext;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.RequestParams;
import io.devshare.notification.service.InboxService;

@Path("/notifications")
@Tag(name = "Inbox", description = "What Devshare told people about your organization")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService inbox;
    private final OrgContext org;

    @Inject
    public InboxResource(InboxService inbox, OrgContext org) {
        this.inbox = inbox;
        this.org = org;
    }

    @Schema(description = "One page of the mails about your organization, plus the invitations waiting for it.")
    public record InboxResponse(
            List<InboxService.Sent> items,

            @Schema(description = "Pass back as cursor for the next page; null on the last")
            String nextCursor,

            @Schema(description = "Invitations your organization received and has not answered (first page only)")
            List<InboxService.PendingInvitation> pendingInvitations) {}

    @GET
    @RolesAllowed({OrgContext.ROLE_ADMIN, OrgContext.ROLE_MEMBER})
    @Operation(
            summary = "Your organization's inbox: what was mailed, to whom, when, and its status",
            description = "status is sent, retrying or failed. Newest first, cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    public Uni<InboxResponse> list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") String limit) {
        String alias = org.orgAlias();
        PageCursor position = PageCursor.decode(cursor);
        return inbox.sent(alias, position, RequestParams.limit(limit, 20, 100))
                .chain(page -> (position == null
                                ? inbox.pendingInvitations(alias)
                                : Uni.createFrom().item(List.<InboxService.PendingInvitation>of()))
                        .map(pending -> new InboxResponse(page.items(), page.nextCursor(), pending)));
    }
}
